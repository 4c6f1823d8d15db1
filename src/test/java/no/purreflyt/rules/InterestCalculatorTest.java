package no.purreflyt.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import no.purreflyt.ledger.Country;

class InterestCalculatorTest {

    private final InterestCalculator calculator = new InterestCalculator(RuleTables.builtIn());

    private static BigDecimal nok(String amount) {
        return new BigDecimal(amount);
    }

    @Test
    void interestOverThreeHalfYearsIsSplitAtEachRateChange() {
        // 10 000.00 due 2023-05-31, calculated 2024-02-15:
        //   2023-06-01..06-30  30 days  10.75 %  10000 × 0.1075 × 30 / 365 =  3225 / 365 =  88.356164
        //   2023-07-01..12-31 184 days  11.75 %  10000 × 0.1175 × 184 / 365 = 216200 / 365 = 592.328767
        //   2024-01-01..02-15  46 days  12.50 %  10000 × 0.1250 × 46 / 366 (leap year) = 57500 / 366 = 157.103825
        //   sum 837.788757, rounded once: 837.79
        InterestStatement statement = calculator.interest(Country.NO, LocalDate.of(2023, 5, 31),
                Principal.of(nok("10000.00")), LocalDate.of(2024, 2, 15));

        assertThat(statement.lines()).extracting(InterestLine::from, InterestLine::to, InterestLine::days,
                        InterestLine::ratePercent, InterestLine::dayBasis, InterestLine::amount)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2023, 6, 1), LocalDate.of(2023, 6, 30), 30L,
                                nok("10.75"), 365, nok("88.36")),
                        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2023, 7, 1), LocalDate.of(2023, 12, 31), 184L,
                                nok("11.75"), 365, nok("592.33")),
                        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 2, 15), 46L,
                                nok("12.50"), 366, nok("157.10")));
        assertThat(statement.total()).isEqualByComparingTo("837.79");
    }

    @Test
    void aLeapYearCountsEachDayAsOne366thInNorway() {
        // 5 000.00 due 2024-02-20, calculated 2024-03-10: 2024-02-21..03-10 is 19 days (29 February included)
        //   5000 × 0.125 × 19 / 366 = 11875 / 366 = 32.445355 → 32.45
        InterestStatement statement = calculator.interest(Country.NO, LocalDate.of(2024, 2, 20),
                Principal.of(nok("5000.00")), LocalDate.of(2024, 3, 10));

        assertThat(statement.lines()).singleElement().satisfies(line -> {
            assertThat(line.days()).isEqualTo(19);
            assertThat(line.dayBasis()).isEqualTo(366);
        });
        assertThat(statement.total()).isEqualByComparingTo("32.45");
    }

    @Test
    void aSpanOverNewYearUses365BeforeAnd366AfterAndRoundsOnlyTheSum() {
        // 10 000.00 due 2023-12-20, calculated 2024-01-10:
        //   2023-12-21..12-31 11 days 11.75 % / 365: 1175 × 11 / 365 = 12925 / 365 = 35.410959
        //   2024-01-01..01-10 10 days 12.50 % / 366: 1250 × 10 / 366 = 12500 / 366 = 34.153005
        //   sum 69.563964 → 69.56 (the lines rounded alone, 35.41 + 34.15, happen to agree)
        InterestStatement statement = calculator.interest(Country.NO, LocalDate.of(2023, 12, 20),
                Principal.of(nok("10000.00")), LocalDate.of(2024, 1, 10));

        assertThat(statement.lines()).extracting(InterestLine::dayBasis).containsExactly(365, 366);
        assertThat(statement.total()).isEqualByComparingTo("69.56");
    }

    @Test
    void aPartialPaymentLowersThePrincipalFromTheDayAfterPayment() {
        // 20 000.00 due 2025-09-30, 5 000.00 paid 2025-10-31, calculated 2025-11-30, 12.25 % (2025-H2), 365 days:
        //   2025-10-01..10-31 31 days on 20 000 (the payment day still on the old principal):
        //     20000 × 0.1225 × 31 / 365 = 75950 / 365 = 208.082192
        //   2025-11-01..11-30 30 days on 15 000: 15000 × 0.1225 × 30 / 365 = 55125 / 365 = 151.027397
        //   sum 359.109589 → 359.11
        Principal principal = Principal.of(nok("20000.00")).reducedOn(LocalDate.of(2025, 10, 31), nok("5000.00"));

        InterestStatement statement = calculator.interest(Country.NO, LocalDate.of(2025, 9, 30), principal,
                LocalDate.of(2025, 11, 30));

        assertThat(statement.lines()).extracting(InterestLine::principal, InterestLine::days)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(nok("20000.00"), 31L),
                        org.assertj.core.groups.Tuple.tuple(nok("15000.00"), 30L));
        assertThat(statement.total()).isEqualByComparingTo("359.11");
    }

    @Test
    void swedishInterestAddsEightPointsToANegativeReferensrantaAndCountsActualOver365() {
        // 10 000.00 SEK due 2019-06-20, calculated 2019-07-10:
        //   2019-06-21..06-30 10 days, referensränta -0.50 + 8 = 7.50 %: 10000 × 0.075 × 10 / 365 = 7500 / 365 = 20.547945
        //   2019-07-01..07-10 10 days, referensränta  0.00 + 8 = 8.00 %: 10000 × 0.080 × 10 / 365 = 8000 / 365 = 21.917808
        //   sum 15500 / 365 = 42.465753 → 42.47
        InterestStatement statement = calculator.interest(Country.SE, LocalDate.of(2019, 6, 20),
                Principal.of(nok("10000.00")), LocalDate.of(2019, 7, 10));

        assertThat(statement.lines()).extracting(InterestLine::ratePercent)
                .containsExactly(nok("7.50"), nok("8.00"));
        assertThat(statement.total()).isEqualByComparingTo("42.47");
    }

    @Test
    void swedishInterestCounts365EvenInALeapYear() {
        // 10 000.00 SEK due 2024-02-20, calculated 2024-03-10: 19 days at 4.00 + 8 = 12 %, actual/365:
        //   10000 × 0.12 × 19 / 365 = 22800 / 365 = 62.465753 → 62.47 (Norway's 1/366 would give 62.30)
        InterestStatement statement = calculator.interest(Country.SE, LocalDate.of(2024, 2, 20),
                Principal.of(nok("10000.00")), LocalDate.of(2024, 3, 10));

        assertThat(statement.lines()).singleElement().extracting(InterestLine::dayBasis).isEqualTo(365);
        assertThat(statement.total()).isEqualByComparingTo("62.47");
    }

    @Test
    void noInterestOnOrBeforeTheDueDate() {
        InterestStatement statement = calculator.interest(Country.NO, LocalDate.of(2026, 3, 2),
                Principal.of(nok("1000.00")), LocalDate.of(2026, 3, 2));

        assertThat(statement.lines()).isEmpty();
        assertThat(statement.total()).isEqualByComparingTo("0.00");
    }

    @Test
    void aDateNoTableCoversIsAnErrorNamingTheDateNeverTheNearestRow() {
        // the Norwegian table ends 2026-12-31; a calculation into 2027 needs the 2027-H1 row
        assertThatThrownBy(() -> calculator.interest(Country.NO, LocalDate.of(2026, 12, 15),
                Principal.of(nok("1000.00")), LocalDate.of(2027, 1, 15)))
                .isInstanceOf(RuleGapException.class)
                .hasMessageContaining("2027-01-01").hasMessageContaining("no-forsinkelsesrente.csv");
        // Sweden's 2026-H2 referensränta is not known yet
        assertThatThrownBy(() -> calculator.interest(Country.SE, LocalDate.of(2026, 6, 15),
                Principal.of(nok("1000.00")), LocalDate.of(2026, 7, 5)))
                .isInstanceOf(RuleGapException.class)
                .hasMessageContaining("2026-07-01").hasMessageContaining("se-referensranta.csv");
    }
}

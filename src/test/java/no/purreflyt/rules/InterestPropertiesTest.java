package no.purreflyt.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import no.purreflyt.ledger.Country;

/** Interest over any split of a span adds up, and is never negative, whatever principal, dates and payments. */
class InterestPropertiesTest {

    private static final LocalDate FIRST = LocalDate.of(2018, 1, 1);
    private static final int COVERED_DAYS = 3100; // into 2026-06, inside both countries' tables

    private final InterestCalculator calculator = new InterestCalculator(RuleTables.builtIn());

    @Provide
    Arbitrary<BigDecimal> principals() {
        return Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("5000000")).ofScale(2);
    }

    @Property(tries = 300)
    void interestIsAdditiveOverSplitRanges(@ForAll("principals") BigDecimal amount,
            @ForAll @IntRange(min = 0, max = COVERED_DAYS) int start, @ForAll @IntRange(min = 0, max = 700) int first,
            @ForAll @IntRange(min = 0, max = 700) int second, @ForAll @IntRange(min = 0, max = 1400) int paidAfter,
            @ForAll("principals") BigDecimal paid, @ForAll boolean sweden) {
        Country country = sweden ? Country.SE : Country.NO;
        LocalDate due = FIRST.plusDays(start);
        LocalDate split = due.plusDays(first);
        LocalDate end = split.plusDays(second);
        if (end.isAfter(FIRST.plusDays(COVERED_DAYS))) {
            end = FIRST.plusDays(COVERED_DAYS);
            split = split.isAfter(end) ? end : split;
        }
        Principal principal = Principal.of(amount).reducedOn(due.plusDays(paidAfter), paid);

        InterestStatement whole = calculator.interest(country, due, principal, end);
        InterestStatement before = calculator.interest(country, due, principal, split);
        InterestStatement after = calculator.interest(country, split, principal, end);

        // exact to 20 decimals, so the parts may differ from the whole only in the last place
        assertThat(before.exact().add(after.exact()).subtract(whole.exact()).abs())
                .isLessThanOrEqualTo(new BigDecimal("1E-19"));
        // each part rounded once can move the sum by at most one øre
        assertThat(before.total().add(after.total()).subtract(whole.total()).abs())
                .isLessThanOrEqualTo(new BigDecimal("0.01"));
        assertThat(whole.lines().stream().mapToLong(InterestLine::days).sum())
                .isEqualTo(Math.max(0, java.time.temporal.ChronoUnit.DAYS.between(due, end)));
    }

    @Property(tries = 300)
    void interestIsNeverNegativeAndNeverShrinksAsDaysPass(@ForAll("principals") BigDecimal amount,
            @ForAll @IntRange(min = 0, max = COVERED_DAYS - 400) int start,
            @ForAll @IntRange(min = 0, max = 390) int days, @ForAll @IntRange(min = 0, max = 400) int paidAfter,
            @ForAll("principals") BigDecimal paid, @ForAll boolean sweden) {
        Country country = sweden ? Country.SE : Country.NO;
        LocalDate due = FIRST.plusDays(start);
        Principal principal = Principal.of(amount).reducedOn(due.plusDays(paidAfter), paid);

        InterestStatement today = calculator.interest(country, due, principal, due.plusDays(days));
        InterestStatement tomorrow = calculator.interest(country, due, principal, due.plusDays(days + 1));

        assertThat(today.total()).isNotNegative();
        assertThat(today.lines()).allSatisfy(line -> assertThat(line.amount()).isNotNegative());
        assertThat(tomorrow.exact()).isGreaterThanOrEqualTo(today.exact());
    }
}

package no.purreflyt.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import no.purreflyt.ledger.Country;
import no.purreflyt.ledger.CustomerType;

class ClaimCalculatorTest {

    private final RuleTables tables = RuleTables.builtIn();
    private final FeeRules fees = new FeeRules(tables, new Regimes(null));
    private final ClaimCalculator claims = new ClaimCalculator(new InterestCalculator(tables), fees);

    private static final LocalDate DUE = LocalDate.of(2026, 1, 15);
    private static final List<SentNotice> PURRING = List.of(new SentNotice(NoticeKind.PURRING,
            LocalDate.of(2026, 1, 29), LocalDate.of(2026, 2, 12), new BigDecimal("38.00")));

    @Test
    void aConsumerAndABusinessOweTheSameInterestButOnlyTheBusinessOwesCompensation() {
        // 10 000.00 due 2026-01-15, purring 2026-01-29 (day 14) with fee 1/20 × 750 = 37.50 → 38, claim on 2026-02-15:
        //   interest 2026-01-16..02-15 = 31 days × 12.00 % / 365: 10000 × 0.12 × 31 / 365 = 37200 / 365 = 101.917808 → 101.92
        //   consumer: 10000 + 101.92 + 38 = 10 139.92
        //   business: § 3a compensation for 2026-H1 is 460, offset against the fee 38: 460 - 38 = 422 more, so
        //             fees and compensation together are max(460, 38) = 460; 10000 + 101.92 + 38 + 422 = 10 561.92
        Claim consumer = claims.claim(Country.NO, CustomerType.CONSUMER, DUE, Principal.of(new BigDecimal("10000.00")),
                PURRING, true, true, LocalDate.of(2026, 2, 15));
        Claim business = claims.claim(Country.NO, CustomerType.BUSINESS, DUE, Principal.of(new BigDecimal("10000.00")),
                PURRING, true, true, LocalDate.of(2026, 2, 15));

        assertThat(consumer.interest().total()).isEqualByComparingTo("101.92");
        assertThat(business.interest().total()).isEqualByComparingTo("101.92");
        assertThat(consumer.compensation().charged()).isEqualByComparingTo("0.00");
        assertThat(consumer.total()).isEqualByComparingTo("10139.92");
        assertThat(business.compensation().full()).isEqualByComparingTo("460.00");
        assertThat(business.compensation().charged()).isEqualByComparingTo("422.00");
        assertThat(business.compensation().confidence()).isEqualTo(Confidence.TWO_OR_MORE);
        assertThat(business.total()).isEqualByComparingTo("10561.92");
    }

    @Test
    void aPaymentBeyondThePrincipalGoesAgainstTheFeesAndInterestOfTheClaim() {
        // 10 000.00 due 2026-01-15, purring 2026-01-29 with fee 38; 10 020.00 paid on 2026-02-05, claim on 2026-02-15:
        //   interest 2026-01-16..02-05 = 21 days on 10 000: 10000 × 0.12 × 21 / 365 = 25200 / 365 = 69.041096 → 69.04;
        //   nothing after the payment (principal 0); owed 0 + 69.04 + 38.00 - 20.00 paid beyond = 87.04
        Principal paid = Principal.of(new BigDecimal("10000.00")).reducedOn(LocalDate.of(2026, 2, 5),
                new BigDecimal("10020.00"));

        Claim claim = claims.claim(Country.NO, CustomerType.CONSUMER, DUE, paid, PURRING, true, false,
                LocalDate.of(2026, 2, 15));

        assertThat(claim.principal()).isEqualByComparingTo("0.00");
        assertThat(claim.interest().total()).isEqualByComparingTo("69.04");
        assertThat(claim.paidBeyondPrincipal()).isEqualByComparingTo("20.00");
        assertThat(claim.total()).isEqualByComparingTo("87.04");
        // the 20.00 went to the fee first: 18.00 of it left, the interest untouched
        assertThat(claim.feesLeft()).isEqualByComparingTo("18.00");
        assertThat(claim.interestLeft()).isEqualByComparingTo("69.04");
        // on the day before the payment nothing was paid yet: 10000 + 20 days' interest 65.75 + 38 = 10 103.75
        // (10000 × 0.12 × 20 / 365 = 24000 / 365 = 65.753425 → 65.75)
        assertThat(claims.claim(Country.NO, CustomerType.CONSUMER, DUE, paid, PURRING, true, false,
                LocalDate.of(2026, 2, 4)).total()).isEqualByComparingTo("10103.75");
    }

    @Test
    void feesAboveTheCompensationLeaveNoCompensation() {
        // Swedish business debtor due 2026-01-15, påminnelse 60 and inkassokrav 180 = 240, förseningsersättning 450:
        // 450 - 240 = 210 more. With fees of 500 (more than 450) nothing more.
        List<SentNotice> swedish = List.of(
                new SentNotice(NoticeKind.PAMINNELSE, LocalDate.of(2026, 1, 20), null, new BigDecimal("60.00")),
                new SentNotice(NoticeKind.INKASSOKRAV, LocalDate.of(2026, 2, 5), null, new BigDecimal("180.00")));
        assertThat(fees.compensation(Country.SE, CustomerType.BUSINESS, DUE, new BigDecimal("240.00")).charged())
                .isEqualByComparingTo("210.00");
        assertThat(fees.compensation(Country.SE, CustomerType.BUSINESS, DUE, new BigDecimal("500.00")).charged())
                .isEqualByComparingTo("0.00");
        Claim claim = claims.claim(Country.SE, CustomerType.BUSINESS, DUE, Principal.of(new BigDecimal("1000.00")),
                swedish, false, true, LocalDate.of(2026, 2, 10));
        // no interest asked: 1000 + 240 + 210 = 1450.00
        assertThat(claim.total()).isEqualByComparingTo("1450.00");
    }

    @Test
    void aNoticeSentAfterTheDayAskedIsNotPartOfThatDaysClaim() {
        Claim before = claims.claim(Country.NO, CustomerType.CONSUMER, DUE, Principal.of(new BigDecimal("10000.00")),
                PURRING, false, false, LocalDate.of(2026, 1, 28));

        assertThat(before.fees()).isEmpty();
        assertThat(before.total()).isEqualByComparingTo("10000.00");
    }
}

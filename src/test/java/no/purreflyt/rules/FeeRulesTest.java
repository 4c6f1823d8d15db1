package no.purreflyt.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import no.purreflyt.ledger.Country;
import no.purreflyt.ledger.CustomerType;

class FeeRulesTest {

    private final FeeRules rules = new FeeRules(RuleTables.builtIn(), new Regimes(null));

    private static FeeRequest norwegian(NoticeKind kind, LocalDate due, LocalDate sent, List<SentNotice> history) {
        return new FeeRequest(Country.NO, CustomerType.CONSUMER, kind, due, sent, sent.plusDays(14), history, false);
    }

    @Test
    void aPurringOnDay13IsRefusedAndOnDay14Allowed() {
        LocalDate due = LocalDate.of(2026, 3, 2);

        // day 13 = 2026-03-15; the first day for a fee is 2026-03-02 + 14 = 2026-03-16
        FeeDecision day13 = rules.decide(norwegian(NoticeKind.PURRING, due, LocalDate.of(2026, 3, 15), List.of()));
        assertThat(day13.allowed()).isFalse();
        assertThat(day13.rule()).isEqualTo("inkassoforskriften § 1-2");
        assertThat(day13.reason()).contains("2026-03-16").contains("day 13");

        // day 14: 1/20 × R 750 = 37.50, rounded to whole kroner from 2026: 38
        FeeDecision day14 = rules.decide(norwegian(NoticeKind.PURRING, due, LocalDate.of(2026, 3, 16), List.of()));
        assertThat(day14.allowed()).isTrue();
        assertThat(day14.fee()).isEqualByComparingTo("38.00");
    }

    @Test
    void aClaimDueBefore2020_10_01KeepsTheOneTenthRule() {
        LocalDate sent = LocalDate.of(2020, 10, 20);
        // due 2020-09-30: 1/10 × 700 = 70.00; betalingsoppfordring 3/10 × 700 = 210.00
        FeeDecision old = rules.decide(norwegian(NoticeKind.PURRING, LocalDate.of(2020, 9, 30), sent, List.of()));
        // due 2020-10-01: 1/20 × 700 = 35.00; betalingsoppfordring 3/20 × 700 = 105.00
        FeeDecision current = rules.decide(norwegian(NoticeKind.PURRING, LocalDate.of(2020, 10, 1), sent, List.of()));

        assertThat(old.fee()).isEqualByComparingTo("70.00");
        assertThat(current.fee()).isEqualByComparingTo("35.00");

        SentNotice warning = new SentNotice(NoticeKind.INKASSOVARSEL, LocalDate.of(2020, 10, 20),
                LocalDate.of(2020, 11, 3), BigDecimal.ZERO);
        LocalDate afterDeadline = LocalDate.of(2020, 11, 4);
        assertThat(rules.decide(norwegian(NoticeKind.BETALINGSOPPFORDRING, LocalDate.of(2020, 9, 30), afterDeadline,
                List.of(warning))).fee()).isEqualByComparingTo("210.00");
        assertThat(rules.decide(norwegian(NoticeKind.BETALINGSOPPFORDRING, LocalDate.of(2020, 10, 1), afterDeadline,
                List.of(warning))).fee()).isEqualByComparingTo("105.00");
    }

    @Test
    void feesFrom2026AreRoundedToWholeKroner() {
        // R = 750: betalingsoppfordring 3/20 × 750 = 112.50 → 113
        LocalDate due = LocalDate.of(2026, 1, 5);
        SentNotice warning = new SentNotice(NoticeKind.INKASSOVARSEL, LocalDate.of(2026, 1, 19),
                LocalDate.of(2026, 2, 2), new BigDecimal("38.00"));

        FeeDecision decision = rules.decide(norwegian(NoticeKind.BETALINGSOPPFORDRING, due, LocalDate.of(2026, 2, 3),
                List.of(warning)));

        assertThat(decision.fee()).isEqualByComparingTo("113.00");
        assertThat(decision.reason()).contains("3/20").contains("750");
    }

    @Test
    void aThirdFeeIsRefused() {
        // due 2026-01-05; purring 2026-01-19 (day 14, deadline 02-02) 38; purring 2026-02-03 (deadline 02-17) 38:
        // two fees, the most § 1-3 allows before a betalingsoppfordring
        LocalDate due = LocalDate.of(2026, 1, 5);
        List<SentNotice> twoPurringer = List.of(
                new SentNotice(NoticeKind.PURRING, LocalDate.of(2026, 1, 19), LocalDate.of(2026, 2, 2),
                        new BigDecimal("38.00")),
                new SentNotice(NoticeKind.PURRING, LocalDate.of(2026, 2, 3), LocalDate.of(2026, 2, 17),
                        new BigDecimal("38.00")));
        LocalDate later = LocalDate.of(2026, 2, 18);

        FeeDecision thirdPurring = rules.decide(norwegian(NoticeKind.PURRING, due, later, twoPurringer));
        assertThat(thirdPurring.allowed()).isFalse();
        assertThat(thirdPurring.rule()).isEqualTo("inkassoforskriften § 1-3");
        assertThat(thirdPurring.reason()).contains("At most two fees").contains("2026-01-19").contains("2026-02-03");

        // the inkassovarsel itself is lawful, but carries no third fee
        FeeDecision warning = rules.decide(norwegian(NoticeKind.INKASSOVARSEL, due, later, twoPurringer));
        assertThat(warning.allowed()).isTrue();
        assertThat(warning.fee()).isEqualByComparingTo("0.00");
        assertThat(warning.rule()).isEqualTo("inkassoforskriften § 1-3");
    }

    @Test
    void theSecondFeeWaitsForTheFirstDeadlineToPass() {
        LocalDate due = LocalDate.of(2026, 1, 5);
        List<SentNotice> purring = List.of(new SentNotice(NoticeKind.PURRING, LocalDate.of(2026, 1, 19),
                LocalDate.of(2026, 2, 2), new BigDecimal("38.00")));

        // on the deadline itself the debtor has not yet missed it
        FeeDecision onDeadline = rules.decide(norwegian(NoticeKind.INKASSOVARSEL, due, LocalDate.of(2026, 2, 2),
                purring));
        assertThat(onDeadline.fee()).isEqualByComparingTo("0.00");
        assertThat(onDeadline.reason()).contains("2026-02-02");

        // a day later: 1/20 × 750 = 37.50 → 38
        FeeDecision after = rules.decide(norwegian(NoticeKind.INKASSOVARSEL, due, LocalDate.of(2026, 2, 3), purring));
        assertThat(after.fee()).isEqualByComparingTo("38.00");

        // a first purring whose deadline was only 10 days never allows a second fee
        List<SentNotice> shortDeadline = List.of(new SentNotice(NoticeKind.PURRING, LocalDate.of(2026, 1, 19),
                LocalDate.of(2026, 1, 29), new BigDecimal("38.00")));
        assertThat(rules.decide(norwegian(NoticeKind.PURRING, due, LocalDate.of(2026, 2, 3), shortDeadline))
                .allowed()).isFalse();
    }

    @Test
    void anInkassovarselNeedsADeadlineOfAtLeast14DaysAndCarriesNoFeeBeforeDay14() {
        LocalDate due = LocalDate.of(2026, 3, 2);
        LocalDate sent = LocalDate.of(2026, 3, 10);

        // deadline 13 days after sending: not a lawful inkassovarsel (inkassoloven § 9)
        FeeDecision short13 = rules.decide(new FeeRequest(Country.NO, CustomerType.CONSUMER, NoticeKind.INKASSOVARSEL,
                due, sent, sent.plusDays(13), List.of(), false));
        assertThat(short13.allowed()).isFalse();
        assertThat(short13.rule()).isEqualTo("inkassoloven § 9");
        assertThat(short13.reason()).contains("2026-03-24");

        // day 8 with a 14-day deadline: lawful, without a fee
        FeeDecision early = rules.decide(norwegian(NoticeKind.INKASSOVARSEL, due, sent, List.of()));
        assertThat(early.allowed()).isTrue();
        assertThat(early.fee()).isEqualByComparingTo("0.00");
    }

    @Test
    void aBetalingsoppfordringNeedsAPassedInkassovarselDeadline() {
        FeeDecision decision = rules.decide(norwegian(NoticeKind.BETALINGSOPPFORDRING, LocalDate.of(2026, 1, 5),
                LocalDate.of(2026, 2, 3), List.of()));

        assertThat(decision.allowed()).isFalse();
        assertThat(decision.rule()).isEqualTo("inkassoloven § 10");
    }

    @Test
    void underTheNewInkassolovTheCreditorsOwnInkassovarselIsRefusedFromItsDate() {
        FeeRules newAct = new FeeRules(RuleTables.builtIn(), new Regimes(LocalDate.of(2026, 12, 1)));
        LocalDate due = LocalDate.of(2026, 10, 1);

        FeeDecision before = newAct.decide(norwegian(NoticeKind.INKASSOVARSEL, due, LocalDate.of(2026, 11, 30),
                List.of()));
        FeeDecision from = newAct.decide(norwegian(NoticeKind.INKASSOVARSEL, due, LocalDate.of(2026, 12, 1),
                List.of()));

        assertThat(before.allowed()).isTrue();
        assertThat(before.fee()).isEqualByComparingTo("38.00");
        assertThat(from.allowed()).isFalse();
        assertThat(from.reason()).contains("2026-12-01").contains("licensed");
        // so are its betalingsoppfordring and a fee-bearing purring (kravbrev amounts are not set yet)
        SentNotice warning = new SentNotice(NoticeKind.INKASSOVARSEL, LocalDate.of(2026, 11, 2),
                LocalDate.of(2026, 11, 16), new BigDecimal("38.00"));
        assertThat(newAct.decide(norwegian(NoticeKind.BETALINGSOPPFORDRING, due, LocalDate.of(2026, 12, 1),
                List.of(warning))).allowed()).isFalse();
        FeeDecision purring = newAct.decide(norwegian(NoticeKind.PURRING, due, LocalDate.of(2026, 12, 1), List.of()));
        assertThat(purring.allowed()).isFalse();
        assertThat(purring.reason()).contains("kravbrev");
        // a free reminder stays lawful
        assertThat(newAct.decide(norwegian(NoticeKind.REMINDER, due, LocalDate.of(2026, 12, 1), List.of()))
                .allowed()).isTrue();
    }

    @Test
    void aNoticeOfTheOtherCountryOrBeforeTheDueDateIsRefused() {
        assertThat(rules.decide(norwegian(NoticeKind.PAMINNELSE, LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 20),
                List.of())).allowed()).isFalse();
        FeeDecision onDueDate = rules.decide(norwegian(NoticeKind.REMINDER, LocalDate.of(2026, 3, 2),
                LocalDate.of(2026, 3, 2), List.of()));
        assertThat(onDueDate.allowed()).isFalse();
        assertThat(onDueDate.reason()).contains("2026-03-02");
    }

    @Test
    void swedishFeesNeedAnAgreementForThePaminnelseavgiftAndComeOncePerClaim() {
        LocalDate due = LocalDate.of(2026, 3, 2);
        LocalDate sent = LocalDate.of(2026, 3, 10);
        FeeRequest withoutAgreement = new FeeRequest(Country.SE, CustomerType.CONSUMER, NoticeKind.PAMINNELSE, due,
                sent, sent.plusDays(14), List.of(), false);
        FeeRequest agreed = new FeeRequest(Country.SE, CustomerType.CONSUMER, NoticeKind.PAMINNELSE, due, sent,
                sent.plusDays(14), List.of(), true);

        assertThat(rules.decide(withoutAgreement).fee()).isEqualByComparingTo("0.00");
        assertThat(rules.decide(agreed).fee()).isEqualByComparingTo("60.00");
        SentNotice first = new SentNotice(NoticeKind.PAMINNELSE, sent, sent.plusDays(14), new BigDecimal("60.00"));
        assertThat(rules.decide(new FeeRequest(Country.SE, CustomerType.CONSUMER, NoticeKind.PAMINNELSE, due,
                sent.plusDays(20), sent.plusDays(34), List.of(first), true)).fee()).isEqualByComparingTo("0.00");
        assertThat(rules.decide(new FeeRequest(Country.SE, CustomerType.CONSUMER, NoticeKind.INKASSOKRAV, due,
                sent.plusDays(20), sent.plusDays(34), List.of(first), true)).fee()).isEqualByComparingTo("180.00");
    }
}

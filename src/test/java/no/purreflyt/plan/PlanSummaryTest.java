package no.purreflyt.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import no.purreflyt.ledger.Country;
import no.purreflyt.ledger.CustomerType;
import no.purreflyt.rules.BusinessCalendar;
import no.purreflyt.rules.ClaimCalculator;
import no.purreflyt.rules.FeeRules;
import no.purreflyt.rules.Forecaster;
import no.purreflyt.rules.InterestCalculator;
import no.purreflyt.rules.Regimes;
import no.purreflyt.rules.RuleTables;
import no.purreflyt.rules.StepDates;
import org.junit.jupiter.api.Test;

/** The shipped default plan (plans/standard.json, the quick setup) in words, checked against a hand-written text. */
class PlanSummaryTest {

    private final RuleTables tables = RuleTables.builtIn();
    private final FeeRules fees = new FeeRules(tables, new Regimes(null));
    private final PlanSummary summary = new PlanSummary(new Forecaster(fees, new StepDates(new BusinessCalendar())),
            new ClaimCalculator(new InterestCalculator(tables), fees));

    private static PlanDefinition shipped(String file) throws Exception {
        try (InputStream in = PlanSummaryTest.class.getResourceAsStream("/plans/" + file)) {
            return JsonMapper.builder().findAndAddModules().build().readValue(in, PlanDefinition.class)
                    .normalized(new PlanDefinition.Defaults(3, new BigDecimal("0.00"), LocalTime.of(11, 0)));
        }
    }

    @Test
    void theDefaultPlanReadsAsWrittenByHand() throws Exception {
        // 1 000.00 NOK to a Norwegian consumer, due Monday 2026-03-02:
        //   free reminder: day 7 = Mon 03-09, deadline + 7 = Mon 03-16;
        //   purring 1: day 14 = 03-16, but after the reminder's deadline: Tue 03-17; deadline + 14 = Tue 03-31;
        //     fee 1/20 × R 750 = 37.50, to whole kroner 38.00;
        //   purring 2: day 28 = 03-30, but after purring 1's deadline: Wed 04-01 (not yet Easter: Maundy Thursday is
        //     04-02); deadline + 14 = Wed 04-15; the second fee, 38.00 (§ 1-3: the first deadline was 14 days, passed);
        //   handover: the day after the last deadline, Thu 04-16.
        //   Interest 2026-H1 12.00 % a year, actual/365, 03-03..04-16 = 29 + 16 = 45 days:
        //     1000.00 × 0.12 × 45 / 365 = 5400 / 365 = 14.7945… = 14.79; owed 1000.00 + 76.00 + 14.79 = 1090.79.
        PlanSummary.Summary text = summary.summarize(new Plans.InUse("standard", 1, shipped("standard.json")),
                new PlanSummary.Sample(LocalDate.of(2026, 3, 2), new BigDecimal("1000.00"), Country.NO,
                        CustomerType.CONSUMER));

        assertThat(text.lines()).containsExactly(
                "Plan \"Standard\" (standard v1) for a sample invoice of 1000.00 NOK to a consumer in Norway, due 2026-03-02.",
                "A case starts when the invoice is overdue by more than 3 days and more than 0.00 NOK is outstanding.",
                "2026-03-09: Free reminder, free of charge, deadline 2026-03-16; sent automatically at 11:00.",
                "2026-03-17: Purring 1 with a fee of 38.00 NOK, deadline 2026-03-31; sent automatically at 11:00.",
                "2026-04-01: Purring 2 with a fee of 38.00 NOK, deadline 2026-04-15; sent automatically at 11:00.",
                "2026-04-16: handover to Demo Inkasso AS once a credit controller approves it.",
                "If nothing is paid, the debtor owes 1090.79 NOK on 2026-04-16: principal 1000.00, fees 76.00, interest 14.79.",
                "Late-payment interest runs from 2026-03-03.",
                "A business debtor would also owe the standard compensation, less the fees charged; a consumer owes none.",
                "Payment of the principal alone does not settle the case while the fees charged are unpaid.",
                // the shipped plan leaves the window out: the default 10 days
                "A credit controller can withdraw a handed-over case from Demo Inkasso AS at no cost within 10 days "
                        + "after the handover.");
    }

    @Test
    void aMildPlanSaysItsPurringGoesOutWithoutAFeeAndWhoSendsIt() throws Exception {
        PlanDefinition mild = new PlanDefinition("Mild", null, PlanDefinition.FeePolicy.MILD, null,
                java.util.List.of(new PlanDefinition.Purring(14, 14, null, PlanDefinition.Mode.CREATE_ONLY)), null, null,
                null, null, false, null, null, null, true, null, null)
                .normalized(new PlanDefinition.Defaults(3, new BigDecimal("0.00"), LocalTime.of(11, 0)));
        // purring day 14 of 2026-03-02 = 03-16, deadline 03-30; no interest under MILD; owed the day after the deadline
        PlanSummary.Summary text = summary.summarize(new Plans.InUse("mild", 2, mild),
                new PlanSummary.Sample(LocalDate.of(2026, 3, 2), new BigDecimal("500.00"), Country.NO,
                        CustomerType.CONSUMER));

        assertThat(text.lines()).containsSubsequence(
                "2026-03-16: Purring without a fee (the plan charges none), deadline 2026-03-30; prepared for a credit "
                        + "controller's review before it is sent.",
                "If nothing is paid, the debtor owes 500.00 NOK on 2026-03-31: principal 500.00, fees 0.00, interest 0.00.",
                "No late-payment interest is charged.",
                "Payment of the principal alone settles the case; fees and interest are then written off.");
    }

    @Test
    void aPlanWithAnInterestInvoiceAndItsOwnWithdrawalWindowSaysBoth() throws Exception {
        PlanDefinition own = JsonMapper.builder().findAndAddModules().build().readValue("""
                {"name": "Own", "feePolicy": "STRICT", "purringer": [{"daysAfterDue": 14, "deadlineDays": 14}],
                 "handover": {"approval": "AUTOMATIC", "agency": "Fjord Inkasso AS", "withdrawalWindowDays": 5},
                 "interestInvoice": {"minimumAmount": "50", "deadlineDays": 21}}""", PlanDefinition.class)
                .normalized(new PlanDefinition.Defaults(3, new BigDecimal("0.00"), LocalTime.of(11, 0)));

        PlanSummary.Summary text = summary.summarize(new Plans.InUse("own", 1, own),
                new PlanSummary.Sample(LocalDate.of(2026, 3, 2), new BigDecimal("1000.00"), Country.NO,
                        CustomerType.CONSUMER));

        assertThat(text.lines()).containsSubsequence(
                "Late-payment interest runs from 2026-03-03.",
                "If the invoice is paid after its due date, the interest left unpaid is invoiced (rentenota) when it is "
                        + "above 50.00 NOK, with a deadline of 21 days.",
                "Payment of the principal alone does not settle the case while the fees charged are unpaid.",
                "A credit controller can withdraw a handed-over case from Fjord Inkasso AS at no cost within 5 days "
                        + "after the handover.");
    }
}

package no.purreflyt.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import no.purreflyt.ledger.Country;
import no.purreflyt.ledger.CustomerType;

/**
 * Lays a plan over an invoice: each step on the latest of its planned day, the day after the previous deadline
 * and the law's earliest day, moved to a business day; its fee from the fee rules given the steps before it.
 * A step the law refuses is shown with the reason and sends nothing, so the next step follows the last one sent.
 * A step on a date the tables do not cover yet ends the forecast with the missing table and date.
 */
public final class Forecaster {

    private final FeeRules fees;
    private final StepDates dates;

    public Forecaster(FeeRules fees, StepDates dates) {
        this.fees = fees;
        this.dates = dates;
    }

    public List<ForecastStep> forecast(Country country, CustomerType debtorType, LocalDate dueDate,
            List<PlannedStep> plan, boolean feeAgreed) {
        List<ForecastStep> steps = new ArrayList<>();
        List<SentNotice> sent = new ArrayList<>();
        LocalDate previousDeadline = null;
        for (PlannedStep planned : plan) {
            NoticeKind notice = planned.kind().noticeIn(country);
            LocalDate candidate = StepDates.latest(dueDate.plusDays(Math.max(1, planned.daysAfterDue())),
                    previousDeadline == null ? null : previousDeadline.plusDays(1),
                    notice == null ? null : dates.earliestLegal(notice, dueDate, sent));
            LocalDate day = dates.sendingDay(country, candidate);
            if (notice == null) {
                steps.add(new ForecastStep(planned.kind(), null, day, null, null, true, "plan",
                        "Handover to the collection agency after the last deadline; the agency's fees apply"));
                break;
            }
            LocalDate deadline = dates.deadline(country, day, planned.deadlineDays());
            FeeDecision decision;
            try {
                decision = fees.decide(new FeeRequest(country, debtorType, notice, dueDate, day, deadline, sent,
                        feeAgreed));
            } catch (RuleGapException gap) {
                // the steps after this one depend on its fee: the forecast ends here, saying which row is missing
                steps.add(new ForecastStep(planned.kind(), notice, day, deadline, null, false, gap.table(),
                        gap.getMessage()));
                break;
            }
            steps.add(new ForecastStep(planned.kind(), notice, day, deadline, decision.fee(), decision.allowed(),
                    decision.rule(), decision.reason()));
            if (decision.allowed()) {
                sent.add(new SentNotice(notice, day, deadline, decision.fee()));
                previousDeadline = deadline;
            }
        }
        return steps;
    }
}

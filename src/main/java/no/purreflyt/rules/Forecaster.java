package no.purreflyt.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import no.purreflyt.ledger.Country;
import no.purreflyt.ledger.CustomerType;

/**
 * Lays a plan over an invoice: each step on the latest of its planned day, the day after the previous deadline,
 * the law's earliest day and today, moved to a business day; its fee from the fee rules given the steps before it.
 * Steps a case has already taken are shown as they happened and count as history for the rest, so a case that
 * resumes after a dispute or a block goes on where it stopped and never repeats a notice. A step the law refuses is
 * shown with the reason and sends nothing, so the next step follows the last one sent. A step on a date the tables
 * do not cover yet ends the forecast with the missing table and date.
 */
public final class Forecaster {

    private final FeeRules fees;
    private final StepDates dates;

    public Forecaster(FeeRules fees, StepDates dates) {
        this.fees = fees;
        this.dates = dates;
    }

    /** The whole plan for an invoice no step has been taken for yet, from its due date on. */
    public List<ForecastStep> forecast(Country country, CustomerType debtorType, LocalDate dueDate,
            List<PlannedStep> plan, boolean feeAgreed) {
        return forecast(country, debtorType, dueDate, plan, feeAgreed, List.of(), null);
    }

    /**
     * The whole plan for a case that has taken {@code taken} already: those steps as they happened, the rest from
     * {@code today} on (no step is planned before today; null means no such floor).
     */
    public List<ForecastStep> forecast(Country country, CustomerType debtorType, LocalDate dueDate,
            List<PlannedStep> plan, boolean feeAgreed, List<TakenStep> taken, LocalDate today) {
        return walk(country, debtorType, dueDate, plan, feeAgreed, taken, today, false);
    }

    /**
     * The next step the case takes: the first step not taken yet that the law allows, with its day, deadline and
     * fee; empty when the plan has no step left. A step whose fee needs a table row nobody has written yet (next
     * year's inkassosats) is answered with its day and no fee: whether and with what fee it may go out is decided on
     * that day, when the notice is prepared, and if the row is still missing then, that is the operator's incident.
     */
    public Optional<ForecastStep> next(Country country, CustomerType debtorType, LocalDate dueDate,
            List<PlannedStep> plan, boolean feeAgreed, List<TakenStep> taken, LocalDate today) {
        return walk(country, debtorType, dueDate, plan, feeAgreed, taken, today, true).stream()
                .filter(step -> !step.taken() && step.allowed())
                .findFirst();
    }

    private List<ForecastStep> walk(Country country, CustomerType debtorType, LocalDate dueDate,
            List<PlannedStep> plan, boolean feeAgreed, List<TakenStep> takenSteps, LocalDate today,
            boolean decideOnTheDay) {
        Map<Integer, TakenStep> taken = takenSteps.stream()
                .collect(Collectors.toMap(TakenStep::planStep, Function.identity()));
        List<ForecastStep> steps = new ArrayList<>();
        List<SentNotice> sent = new ArrayList<>();
        LocalDate previousDeadline = null;
        for (int index = 0; index < plan.size(); index++) {
            PlannedStep planned = plan.get(index);
            NoticeKind notice = planned.kind().noticeIn(country);
            TakenStep done = taken.get(index);
            if (done != null && done.notice() != null) {
                SentNotice n = done.notice();
                steps.add(new ForecastStep(index, planned.kind(), n.kind(), n.sentOn(), n.deadline(), n.fee(), true,
                        true, "sent", "Sent on " + n.sentOn()));
                sent.add(n);
                previousDeadline = n.deadline() != null ? n.deadline() : previousDeadline;
                continue;
            }
            if (done != null) {
                steps.add(new ForecastStep(index, planned.kind(), notice, null, null, null, false, true, "skipped",
                        done.skippedBecause()));
                continue;
            }
            LocalDate candidate = StepDates.latest(dueDate.plusDays(Math.max(1, planned.daysAfterDue())),
                    previousDeadline == null ? null : previousDeadline.plusDays(1),
                    notice == null ? null : dates.earliestLegal(notice, dueDate, sent, planned.chargeFee()),
                    today);
            LocalDate day = dates.sendingDay(country, candidate);
            if (notice == null) {
                steps.add(new ForecastStep(index, planned.kind(), null, day, null, null, true, false, "plan",
                        "Handover to the collection agency after the last deadline; the agency's fees apply"));
                break;
            }
            LocalDate deadline = dates.deadline(country, day, planned.deadlineDays());
            FeeDecision decision;
            try {
                decision = fees.decide(new FeeRequest(country, debtorType, notice, dueDate, day, deadline, sent,
                        feeAgreed), planned.chargeFee());
            } catch (RuleGapException gap) {
                // the steps after this one depend on its fee: the forecast ends here, saying which row is missing;
                // as the next step it is planned for its day and decided then
                steps.add(new ForecastStep(index, planned.kind(), notice, day, deadline, null, decideOnTheDay, false,
                        gap.table(), decideOnTheDay ? "Decided when the notice is prepared on " + day + ": "
                                + gap.getMessage() : gap.getMessage()));
                break;
            }
            steps.add(new ForecastStep(index, planned.kind(), notice, day, deadline, decision.fee(),
                    decision.allowed(), false, decision.rule(), decision.reason()));
            if (decision.allowed()) {
                sent.add(new SentNotice(notice, day, deadline, decision.fee()));
                previousDeadline = deadline;
            }
        }
        return steps;
    }
}

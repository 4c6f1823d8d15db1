package no.purreflyt.process;

import java.time.LocalDate;
import java.util.Optional;
import no.purreflyt.ledger.Customer;
import no.purreflyt.ledger.Dispute;
import no.purreflyt.ledger.Disputes;
import no.purreflyt.ledger.DunningCase;
import no.purreflyt.ledger.DunningCases;
import no.purreflyt.ledger.Invoice;
import no.purreflyt.ledger.LedgerService;
import no.purreflyt.notice.NoticeHistory;
import no.purreflyt.plan.DunningPlan;
import no.purreflyt.plan.Plans;
import no.purreflyt.rules.ForecastStep;
import no.purreflyt.rules.Forecaster;
import no.purreflyt.rules.StepKind;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a case does next, derived afresh each time from what is stored: an open dispute or a customer block stops it;
 * otherwise the first step of its plan that it has not taken and the law allows, on its day. Because nothing is
 * carried in the process but the answer, a case that resumes (after a dispute, a block, fixed contact data, or a move
 * to a new model) goes on where it stopped and never sends a notice twice.
 */
@Service
class NextStepDecider {

    sealed interface Decision permits Step, NoStepLeft, Disputed, Blocked {
    }

    /**
     * @param stage where the case is now: the step of its last notice, or OVERDUE
     * @param time  the plan's time of day for its automatic steps (null: the daily run's)
     * @param fee   the fee the step charges as far as known today (null when decided on its day)
     */
    record Step(StepKind kind, int planStep, String name, LocalDate day, java.time.LocalTime time, boolean review,
            String stage, java.math.BigDecimal fee) implements Decision {
    }

    record NoStepLeft(String stage) implements Decision {
    }

    record Disputed(Dispute dispute) implements Decision {
    }

    record Blocked(Customer customer) implements Decision {
    }

    private final DunningCases cases;
    private final Disputes disputes;
    private final LedgerService ledger;
    private final Plans plans;
    private final NoticeHistory notices;
    private final Forecaster forecaster;
    private final StepTime time;

    NextStepDecider(DunningCases cases, Disputes disputes, LedgerService ledger, Plans plans, NoticeHistory notices,
            Forecaster forecaster, StepTime time) {
        this.cases = cases;
        this.disputes = disputes;
        this.ledger = ledger;
        this.plans = plans;
        this.notices = notices;
        this.forecaster = forecaster;
        this.time = time;
    }

    @Transactional(readOnly = true)
    public Decision decide(long caseId) {
        return decide(caseId, time.today());
    }

    /** What the case does next as seen on {@code today} (a later day: what it will do then if nothing changes). */
    @Transactional(readOnly = true)
    public Decision decide(long caseId, LocalDate today) {
        DunningCase dunningCase = cases.get(caseId);
        Optional<Dispute> dispute = disputes.openDispute(dunningCase.invoiceNumber());
        if (dispute.isPresent()) {
            return new Disputed(dispute.get());
        }
        Invoice invoice = ledger.invoice(dunningCase.invoiceNumber());
        Customer debtor = ledger.customer(invoice.customerExternalId());
        if (debtor.blockedOn(today)) {
            return new Blocked(debtor);
        }
        DunningPlan plan = plans.ofCase(caseId);
        String stage = notices.lastDelivered(caseId).map(n -> n.step().name()).orElse(ProcessVariables.Stage.OVERDUE);
        Optional<ForecastStep> next = forecaster.next(debtor.country(), debtor.type(), invoice.dueDate(),
                plan.plannedSteps(), plan.reminderFeeAgreed(), notices.taken(caseId), today);
        return next.<Decision>map(step -> new Step(step.step(), step.planStep(), plan.step(step.planStep()).name(), step.date(), plan.timeOfDay(),
                        plan.step(step.planStep()).review(), stage, step.fee()))
                .orElseGet(() -> new NoStepLeft(stage));
    }
}

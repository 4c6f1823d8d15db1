package no.purreflyt.process;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import no.purreflyt.ledger.Customer;
import no.purreflyt.ledger.DunningCases;
import no.purreflyt.ledger.DunningCriteria;
import no.purreflyt.ledger.Invoice;
import no.purreflyt.ledger.LedgerService;
import no.purreflyt.plan.DunningPlan;
import no.purreflyt.plan.PlanSelection;
import no.purreflyt.plan.Plans;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts one dunning process instance per eligible invoice, with the invoice number as business key, following the
 * plan {@link PlanSelection} chooses for it (and only when that plan takes the invoice today: its grace days, minimum
 * amount and "start from" invoice number).
 * Each invoice's case row and process instance commit together or not at all, one failing invoice does not stop the
 * run, and a race with another run or node ends in the database's unique constraint, never in two open cases. Cases
 * start one per transaction, or {@code purreflyt.case-starter.batch-size} per transaction, a failed batch again one
 * by one.
 */
@Service
public class CaseStarter {

    private static final Logger log = LoggerFactory.getLogger(CaseStarter.class);

    /** What a run did. skipped: no longer eligible when its turn came (paid meanwhile, taken by another run). */
    public record RunResult(Long runId, LocalDate businessDate, int candidates, int started, int skipped, int failed) {
    }

    private final DunningCases cases;
    private final LedgerService ledger;
    private final RuntimeService runtime;
    private final TransactionTemplate transaction;
    private final DunningRunRepository runs;
    private final Plans plans;
    private final PlanSelection selection;
    private final Clock clock;
    private final CaseStarterProperties properties;

    CaseStarter(DunningCases cases, LedgerService ledger, RuntimeService runtime, TransactionTemplate transaction,
            DunningRunRepository runs, Plans plans, PlanSelection selection,
            Clock clock, CaseStarterProperties properties) {
        this.properties = properties;
        this.plans = plans;
        this.selection = selection;
        this.cases = cases;
        this.ledger = ledger;
        this.runtime = runtime;
        this.transaction = transaction;
        this.runs = runs;
        this.clock = clock;
    }

    /** Runs now. A scheduled run answers empty where this day's run was already taken (by this node or another). */
    public Optional<RunResult> run(RunKind kind, String requestedBy) {
        LocalDate today = LocalDate.now(clock);
        Optional<Long> runId = runs.begin(kind, today, requestedBy, clock.instant());
        if (runId.isEmpty()) {
            return Optional.empty();
        }
        DunningCriteria criteria = criteria(today);
        List<String> candidates = cases.candidates(criteria);
        log.info("Dunning run {} ({}) for {}: {} invoice(s) to consider", runId.get(), kind, today, candidates.size());
        int started = 0;
        int skipped = 0;
        int failed = 0;
        int batchSize = properties.batchSize();
        int progressEvery = Math.max(100, candidates.size() / 10);
        int nextProgress = progressEvery;
        for (int from = 0; from < candidates.size(); from += batchSize) {
            List<String> batch = candidates.subList(from, Math.min(candidates.size(), from + batchSize));
            for (Outcome outcome : startBatch(runId.get(), batch, criteria)) {
                switch (outcome) {
                    case STARTED -> started++;
                    case SKIPPED -> skipped++;
                    case FAILED -> failed++;
                }
            }
            int done = from + batch.size();
            if (done >= nextProgress && done < candidates.size()) {
                log.info("Dunning run {}: {} of {} invoices done ({} started, {} skipped, {} failed)",
                        runId.get(), done, candidates.size(), started, skipped, failed);
                nextProgress += progressEvery;
            }
        }
        RunResult result = new RunResult(runId.get(), today, candidates.size(), started, skipped, failed);
        runs.finish(runId.get(), result, clock.instant());
        log.info("Dunning run {} finished: {} case(s) started, {} skipped, {} failed, of {} invoice(s)",
                runId.get(), started, skipped, failed, candidates.size());
        return Optional.of(result);
    }

    private enum Outcome { STARTED, SKIPPED, FAILED }

    /**
     * Starts the batch's cases in one transaction; when that fails, each invoice again in a transaction of its own, so
     * that the invoice at fault fails (or, opened meanwhile by another run, is skipped) alone.
     */
    private List<Outcome> startBatch(long runId, List<String> batch, DunningCriteria criteria) {
        if (batch.size() > 1) {
            try {
                return transaction.execute(status -> batch.stream()
                        .map(number -> startCase(number, criteria) ? Outcome.STARTED : Outcome.SKIPPED).toList());
            } catch (RuntimeException batchFailed) {
                log.debug("Dunning run {}: a batch of {} failed ({}); starting its invoices one by one", runId,
                        batch.size(), batchFailed.toString());
            }
        }
        return batch.stream().map(number -> startOne(runId, number, criteria)).toList();
    }

    private Outcome startOne(long runId, String number, DunningCriteria criteria) {
        try {
            return Boolean.TRUE.equals(transaction.execute(status -> startCase(number, criteria)))
                    ? Outcome.STARTED : Outcome.SKIPPED;
        } catch (DuplicateKeyException openedMeanwhile) {
            return Outcome.SKIPPED;
        } catch (RuntimeException e) {
            log.error("Dunning run {}: could not start a case for invoice {}; it is retried in the next run",
                    runId, number, e);
            return Outcome.FAILED;
        }
    }

    /**
     * Which invoices are worth a look on the day: those the loosest of the plans in use could take (the fewest grace
     * days, the lowest minimum amount); each is then held against its own plan.
     */
    DunningCriteria criteria(LocalDate today) {
        Plans.Loosest loosest = plans.loosest();
        return new DunningCriteria(today, loosest.graceDays(), loosest.minimumAmount());
    }

    private boolean startCase(String number, DunningCriteria criteria) {
        Optional<Long> invoiceId = cases.lockIfEligible(number, criteria);
        if (invoiceId.isEmpty()) {
            return false;
        }
        Invoice invoice = ledger.invoice(number);
        Customer customer = ledger.customer(invoice.customerExternalId());
        PlanSelection.Choice choice = selection.choose(invoice, customer, criteria.today());
        if (!choice.dunnedToday()) {
            log.debug("Invoice {}: {}", number, choice.notDunned());
            return false;
        }
        DunningPlan plan = choice.plan().compiled();
        long caseId = cases.open(invoiceId.get(), ProcessVariables.Stage.OVERDUE, new DunningCases.PlanReference(
                plan.key(), plan.version(), choice.selectedBy(), plans.snapshot(plan)));
        VariableMap variables = Variables.createVariables();
        ProcessVariables.INVOICE_NUMBER.with(variables, number);
        ProcessVariables.CASE_ID.with(variables, caseId);
        ProcessVariables.PLAN.with(variables, plan.reference());
        ProcessVariables.CUSTOMER.with(variables, invoice.customerName());
        ProcessVariables.CUSTOMER_EXTERNAL_ID.with(variables, invoice.customerExternalId());
        ProcessVariables.STAGE.with(variables, ProcessVariables.Stage.OVERDUE);
        ProcessVariables.OUTSTANDING.with(variables, invoice.outstanding().toPlainString());
        ProcessVariables.CURRENCY.with(variables, invoice.currency());
        ProcessInstance instance = runtime.createProcessInstanceByKey(DunningModel.PROCESS_ID)
                .businessKey(number)
                .setVariables(variables)
                .execute();
        cases.attachProcessInstance(caseId, instance.getId());
        return true;
    }
}

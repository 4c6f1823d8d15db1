package no.purreflyt.process;

import java.util.List;
import no.purreflyt.ledger.DisputeRaised;
import no.purreflyt.ledger.DunningBlockChanged;
import no.purreflyt.ledger.DunningCases;
import no.purreflyt.ledger.InvoiceSettled;
import no.purreflyt.ledger.OutstandingChanged;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.MessageCorrelationResult;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the dunning cases what happened in the ledger, in the transaction of the change itself: the ledger entry and
 * the case's reaction commit together or not at all. Our tables are the truth and these messages wake the cases up: a
 * case that is not listening at that moment (paused, waiting for a person) reads the same facts when it resumes.
 */
@Component
class CaseCorrelation {

    private static final Logger log = LoggerFactory.getLogger(CaseCorrelation.class);

    private final RuntimeService runtime;
    private final DunningCases cases;

    CaseCorrelation(RuntimeService runtime, DunningCases cases) {
        this.runtime = runtime;
        this.cases = cases;
    }

    /** Paid in full ends the case as Paid, credited to zero as Credited (unless the case itself credited it). */
    @EventListener
    void on(InvoiceSettled settled) {
        if (settled.byDunningCase()) {
            return;
        }
        String message = settled.creditedToZero() ? DunningModel.MESSAGE_INVOICE_CREDITED : DunningModel.MESSAGE_INVOICE_SETTLED;
        List<MessageCorrelationResult> results = runtime.createMessageCorrelation(message)
                .processInstanceBusinessKey(settled.invoiceNumber())
                .correlateAllWithResult();
        results.forEach(result -> log.info("Invoice {}: {} correlated to case process {}", settled.invoiceNumber(),
                message, result.getExecution() != null ? result.getExecution().getProcessInstanceId() : "?"));
    }

    /** A partial payment changes the claim, not the path: the case shows its new balance and goes on. */
    @EventListener
    void on(OutstandingChanged changed) {
        for (ProcessInstance instance : openCases(changed.invoiceNumber())) {
            runtime.setVariable(instance.getId(), ProcessVariables.OUTSTANDING.name(), changed.outstanding().toPlainString());
        }
    }

    /** A dispute stops a case that is dunning; one that is paused meets the open dispute when it resumes. */
    @EventListener
    void on(DisputeRaised raised) {
        List<MessageCorrelationResult> results = runtime.createMessageCorrelation(DunningModel.MESSAGE_DISPUTE_RAISED)
                .processInstanceBusinessKey(raised.invoiceNumber())
                .setVariable(ProcessVariables.DISPUTE_REASON.name(), raised.reason())
                .correlateAllWithResult();
        for (MessageCorrelationResult result : results) {
            String instanceId = result.getExecution().getProcessInstanceId();
            runtime.setVariable(instanceId, ProcessVariables.STAGE.name(), ProcessVariables.Stage.DISPUTED);
            Object caseId = runtime.getVariable(instanceId, ProcessVariables.CASE_ID.name());
            cases.setStage((Long) caseId, ProcessVariables.Stage.DISPUTED);
            log.info("Invoice {}: dispute raised, case process {} waits for a credit controller", raised.invoiceNumber(),
                    instanceId);
        }
    }

    /**
     * A block set, lifted or moved: cases waiting for a block to end look again; cases dunning stop when the customer
     * is blocked today. (In this order, so a case just stopped is not woken again in the same transaction.)
     */
    @EventListener
    void on(DunningBlockChanged changed) {
        int woken = runtime.createMessageCorrelation(DunningModel.MESSAGE_DUNNING_BLOCK_CHANGED)
                .processInstanceVariableEquals(ProcessVariables.CUSTOMER_EXTERNAL_ID.name(), changed.customerExternalId())
                .correlateAllWithResult().size();
        int stopped = !changed.blockedToday() ? 0 : runtime.createMessageCorrelation(DunningModel.MESSAGE_CUSTOMER_BLOCKED)
                .processInstanceVariableEquals(ProcessVariables.CUSTOMER_EXTERNAL_ID.name(), changed.customerExternalId())
                .correlateAllWithResult().size();
        log.info("Customer {}: dunning block changed (blocked today: {}); {} paused case(s) look again, {} case(s) stopped",
                changed.customerExternalId(), changed.blockedToday(), woken, stopped);
    }

    private List<ProcessInstance> openCases(String invoiceNumber) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(DunningModel.PROCESS_ID)
                .processInstanceBusinessKey(invoiceNumber).list();
    }
}

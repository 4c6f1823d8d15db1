package no.purreflyt.process;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import no.purreflyt.claim.ClaimService;
import no.purreflyt.collection.AgencyReported;
import no.purreflyt.collection.CollectionService;
import no.purreflyt.collection.WithdrawalRequested;
import no.purreflyt.web.ProblemException;
import no.purreflyt.ledger.DisputeRaised;
import no.purreflyt.ledger.DunningCase;
import no.purreflyt.ledger.DunningBlockChanged;
import no.purreflyt.ledger.DunningCases;
import no.purreflyt.ledger.InvoiceSettled;
import no.purreflyt.ledger.OutstandingChanged;
import no.purreflyt.plan.Plans;
import no.purreflyt.posting.CasePostings;
import no.purreflyt.rules.Claim;
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
    private final ClaimService claims;
    private final Plans plans;
    private final CollectionService collections;
    private final CasePostings postings;

    CaseCorrelation(RuntimeService runtime, DunningCases cases, ClaimService claims, Plans plans,
            CollectionService collections, CasePostings postings) {
        this.collections = collections;
        this.postings = postings;
        this.runtime = runtime;
        this.cases = cases;
        this.claims = claims;
        this.plans = plans;
    }

    /**
     * Credited to zero ends the case as Credited (unless the case itself credited it). The principal paid ends it as
     * Paid when the payments also cover the fees (and a business debtor's compensation) its notices claimed, or when
     * the case's plan accepts payment without fee (fees and interest left are written off); otherwise the case goes on
     * for the fees. Interest alone does not keep a case open: the closing note says what accrued.
     */
    @EventListener
    void on(InvoiceSettled settled) {
        if (settled.byDunningCase() || (!settled.creditedToZero() && collections.withAgency(settled.invoiceNumber()).isPresent())) {
            // the case settled it itself, or the agency holds the claim: the payment asks a credit controller (below)
            return;
        }
        if (settled.creditedToZero()) {
            correlate(settled.invoiceNumber(), DunningModel.MESSAGE_INVOICE_CREDITED, null);
            return;
        }
        settleIfPaid(settled.invoiceNumber());
    }

    /**
     * A partial payment changes the claim, not the path: the case shows its new balance and goes on. A payment after
     * the principal is paid goes to the fees and interest, and may settle the case.
     */
    @EventListener
    void on(OutstandingChanged changed) {
        for (ProcessInstance instance : openCases(changed.invoiceNumber())) {
            runtime.setVariable(instance.getId(), ProcessVariables.OUTSTANDING.name(), changed.outstanding().toPlainString());
        }
        if (changed.byAgency()) {
            return;
        }
        if (!changed.credit() && collections.withAgency(changed.invoiceNumber()).isPresent()) {
            paidAfterHandover(changed);
            return;
        }
        if (changed.outstanding().signum() < 0) {
            settleIfPaid(changed.invoiceNumber());
        }
    }

    private void settleIfPaid(String invoiceNumber) {
        Optional<DunningCase> open = cases.latest(invoiceNumber).filter(c -> "OPEN".equals(c.status()));
        if (open.isEmpty()) {
            correlate(invoiceNumber, DunningModel.MESSAGE_INVOICE_SETTLED, null);
            return;
        }
        Claim claim = claims.claim(invoiceNumber, null).claim();
        BigDecimal beyondPrincipal = claim.paidBeyondPrincipal();
        BigDecimal feesLeft = claim.feesLeft();
        BigDecimal interestLeft = claim.interestLeft();
        String currency = claim.currency();
        boolean acceptsWithoutFee = plans.ofCase(open.get().id()).acceptPaymentWithoutFee();
        if (acceptsWithoutFee && feesLeft.add(interestLeft).signum() > 0) {
            BigDecimal writtenOff = feesLeft.add(interestLeft);
            cases.recordWriteOff(open.get().id(), writtenOff);
            postings.settled(open.get().id(), claim);
            postings.feesWrittenOff(open.get().id(), feesLeft, "Fees not paid, written off: the plan accepts payment "
                    + "without fee");
            correlate(invoiceNumber, DunningModel.MESSAGE_INVOICE_SETTLED, "Principal paid; " + writtenOff.toPlainString()
                    + " " + currency + " of " + (feesLeft.signum() > 0 ? "fees and interest" : "interest")
                    + " written off (the plan accepts payment without fee)");
        } else if (feesLeft.signum() == 0) {
            postings.settled(open.get().id(), claim);
            correlate(invoiceNumber, DunningModel.MESSAGE_INVOICE_SETTLED, "Paid" + (beyondPrincipal.signum() > 0
                    ? ", with " + beyondPrincipal.toPlainString() + " " + currency + " of fees and interest" : "")
                    + (interestLeft.signum() > 0 ? "; interest of " + interestLeft.toPlainString() + " " + currency
                    + " accrued and not paid" : ""));
        } else {
            log.info("Invoice {}: the principal is paid; {} {} of fees remain, so case {} goes on", invoiceNumber,
                    feesLeft.toPlainString(), currency, open.get().id());
        }
    }

    private void correlate(String invoiceNumber, String message, String closingNote) {
        var correlation = runtime.createMessageCorrelation(message).processInstanceBusinessKey(invoiceNumber);
        if (closingNote != null) {
            correlation.setVariable(ProcessVariables.CLOSING_NOTE.name(), closingNote);
        }
        List<MessageCorrelationResult> results = correlation.correlateAllWithResult();
        results.forEach(result -> log.info("Invoice {}: {} correlated to case process {}", invoiceNumber, message,
                result.getExecution() != null ? result.getExecution().getProcessInstanceId() : "?"));
    }

    /**
     * The debtor paid the creditor directly while the agency holds the claim: a credit controller decides whether the
     * collection ends or the agency collects the rest. A case already waiting for that decision shows the new balance.
     */
    private void paidAfterHandover(OutstandingChanged changed) {
        String payment = changed.change().toPlainString() + " " + changed.currency() + "; outstanding now "
                + changed.outstanding().toPlainString() + " " + changed.currency();
        List<MessageCorrelationResult> results = runtime.createMessageCorrelation(DunningModel.MESSAGE_PAYMENT_AFTER_HANDOVER)
                .processInstanceBusinessKey(changed.invoiceNumber())
                .setVariable(ProcessVariables.PAYMENT_AFTER_HANDOVER.name(), payment)
                .correlateAllWithResult();
        log.info("Invoice {}: paid {} to the creditor while with the agency; {} case(s) ask a credit controller",
                changed.invoiceNumber(), payment, results.size());
    }

    /** A withdrawal asked for through the API: the case in its window takes the claim back, else the request fails. */
    @EventListener
    void on(WithdrawalRequested requested) {
        List<MessageCorrelationResult> results = runtime.createMessageCorrelation(DunningModel.MESSAGE_COLLECTION_WITHDRAWN)
                .processInstanceBusinessKey(requested.invoiceNumber())
                .setVariable(ProcessVariables.WITHDRAWAL_REASON.name(), requested.reason())
                .setVariable(ProcessVariables.COLLECTION_OUTCOME.name(), ProcessVariables.WITHDRAWAL_REQUESTED)
                .correlateAllWithResult();
        if (results.isEmpty()) {
            throw ProblemException.conflict("number", "The case of invoice " + requested.invoiceNumber() + " is not waiting "
                    + "with the agency right now (a credit controller is deciding on a payment, or the handover is still "
                    + "being sent); try again in a moment or use its task in Tasklist");
        }
        log.info("Invoice {}: withdrawal from the agency requested ({})", requested.invoiceNumber(), requested.reason());
    }

    /** The agency is done with the claim: the case ends collected or closed unpaid. */
    @EventListener
    void on(AgencyReported reported) {
        List<MessageCorrelationResult> results = runtime.createMessageCorrelation(DunningModel.MESSAGE_AGENCY_RESULT)
                .processInstanceBusinessKey(reported.invoiceNumber())
                .setVariable(ProcessVariables.COLLECTION_OUTCOME.name(), reported.outcome().name())
                .setVariable(ProcessVariables.CLOSING_NOTE.name(), reported.note())
                .correlateAllWithResult();
        if (results.isEmpty()) {
            throw ProblemException.conflict("invoiceNumber", "The case of invoice " + reported.invoiceNumber() + " cannot "
                    + "take the agency's result right now (a credit controller is deciding on a payment to the creditor); "
                    + "send the callback again later");
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

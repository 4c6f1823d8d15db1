package no.purreflyt.process;

import no.purreflyt.claim.ClaimService;
import no.purreflyt.ledger.CaseOutcome;
import no.purreflyt.ledger.DunningCases;
import no.purreflyt.posting.CasePostings;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Execution listener on every end event of the dunning process ({@code ${closeCase}}): closes the case with the
 * outcome its end event stands for and the note a person gave, in the engine's transaction.
 */
@Component("closeCase")
class CloseCase implements ExecutionListener {

    private final DunningCases cases;
    private final ClaimService claims;
    private final CasePostings postings;

    CloseCase(DunningCases cases, ClaimService claims, CasePostings postings) {
        this.cases = cases;
        this.claims = claims;
        this.postings = postings;
    }

    @Override
    public void notify(DelegateExecution execution) {
        String endEvent = execution.getCurrentActivityId();
        CaseOutcome outcome = DunningModel.END_EVENT_OUTCOMES.getOrDefault(endEvent,
                DunningModel.END_EVENT_OUTCOMES_OF_EARLIER_VERSIONS.get(endEvent));
        if (outcome == null) {
            throw new IllegalStateException("End event " + endEvent + " has no case outcome in DunningModel");
        }
        long caseId = ProcessVariables.CASE_ID.required(execution);
        String note = ProcessVariables.CLOSING_NOTE.from(execution);
        if (outcome == CaseOutcome.WRITTEN_OFF) {
            // a write-off at the handover gives up the whole claim: a loss in the creditor's books
            postings.claimWrittenOff(caseId, claims.claim(ProcessVariables.INVOICE_NUMBER.required(execution), null)
                    .claim(), note != null ? note : "Written off");
        }
        cases.close(caseId, outcome, ProcessVariables.Stage.CLOSED, note);
        ProcessVariables.STAGE.on(execution).set(ProcessVariables.Stage.CLOSED);
    }
}

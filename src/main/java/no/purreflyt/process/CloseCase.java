package no.purreflyt.process;

import no.purreflyt.ledger.CaseOutcome;
import no.purreflyt.ledger.DunningCases;
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

    CloseCase(DunningCases cases) {
        this.cases = cases;
    }

    @Override
    public void notify(DelegateExecution execution) {
        String endEvent = execution.getCurrentActivityId();
        CaseOutcome outcome = DunningModel.END_EVENT_OUTCOMES.get(endEvent);
        if (outcome == null) {
            throw new IllegalStateException("End event " + endEvent + " has no case outcome in DunningModel");
        }
        cases.close(ProcessVariables.CASE_ID.required(execution), outcome, ProcessVariables.Stage.CLOSED,
                ProcessVariables.CLOSING_NOTE.from(execution));
        ProcessVariables.STAGE.on(execution).set(ProcessVariables.Stage.CLOSED);
    }
}

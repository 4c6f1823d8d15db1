package no.purreflyt.process;

import no.purreflyt.ledger.Customer;
import no.purreflyt.ledger.LedgerService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Pause dunning while the customer is blocked" ({@code ${recordBlock}}): when the block ends. A block lifted in the
 * meantime ends now, so the case resumes at once.
 */
@Component("recordBlock")
class RecordBlock implements JavaDelegate {

    private final LedgerService ledger;
    private final CaseStage stage;
    private final StepTime time;

    RecordBlock(LedgerService ledger, CaseStage stage, StepTime time) {
        this.ledger = ledger;
        this.stage = stage;
        this.time = time;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Customer customer = ledger.customer(ProcessVariables.CUSTOMER_EXTERNAL_ID.required(execution));
        stage.set(execution, ProcessVariables.Stage.BLOCKED);
        ProcessVariables.BLOCK_ENDS_AT.on(execution).set(customer.dunningResumesOn(time.today()).map(time::at).orElse(null));
    }
}

package no.purreflyt.process;

import no.purreflyt.collection.AgencyMessage;
import no.purreflyt.collection.CollectionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Withdraw the claim from the agency", "Tell the agency of the payment", "Tell the agency the collection ends"
 * ({@code ${tellAgency}}, async, retried, then an incident): the task's input {@code agencyMessage} says which.
 */
@Component("tellAgency")
class TellAgency implements JavaDelegate {

    private final CollectionService collections;

    TellAgency(CollectionService collections) {
        this.collections = collections;
    }

    @Override
    public void execute(DelegateExecution execution) {
        AgencyMessage.Type kind = AgencyMessage.Type.valueOf(ProcessVariables.AGENCY_MESSAGE.required(execution));
        String note = kind == AgencyMessage.Type.WITHDRAWAL ? ProcessVariables.WITHDRAWAL_REASON.from(execution)
                : ProcessVariables.PAYMENT_NOTE.from(execution);
        String by = kind == AgencyMessage.Type.WITHDRAWAL ? "credit controller" : "credit controller after a payment";
        String outcome = collections.tell(ProcessVariables.CASE_ID.required(execution), kind, note, by);
        if (outcome != null) {
            ProcessVariables.COLLECTION_OUTCOME.on(execution).set(outcome);
            ProcessVariables.CLOSING_NOTE.on(execution).set(note);
        }
    }
}

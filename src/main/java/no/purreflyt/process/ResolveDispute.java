package no.purreflyt.process;

import no.purreflyt.ledger.DisputeResolution;
import no.purreflyt.ledger.Disputes;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On completing "Resolve dispute" ({@code ${resolveDispute}}): resolves the invoice's open dispute and writes the
 * resolution for the model: resume dunning, close with a credit note, close.
 */
@Component("resolveDispute")
class ResolveDispute implements TaskListener {

    private final Disputes disputes;

    ResolveDispute(Disputes disputes) {
        this.disputes = disputes;
    }

    @Override
    public void notify(DelegateTask task) {
        DisputeResolution resolution = FormValues.choice(task, "resolution", DisputeResolution.class, "Resolution");
        String note = FormValues.requiredText(task, "note", "A note on how the dispute was resolved");
        disputes.resolve(ProcessVariables.INVOICE_NUMBER.required(task), resolution, note, FormValues.user(task));
        ProcessVariables.DISPUTE_RESOLUTION.on(task).set(resolution.name());
        if (resolution != DisputeResolution.RESUME) {
            ProcessVariables.CLOSING_NOTE.on(task).set("Dispute: " + note);
        }
        FormValues.forget(task, "resolution", "note");
    }
}

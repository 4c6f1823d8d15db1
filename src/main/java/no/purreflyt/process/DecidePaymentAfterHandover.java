package no.purreflyt.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On completing "Decide on a payment after handover" ({@code ${decidePaymentAfterHandover}}): end the collection, or
 * let the agency collect the rest; either way the agency is told, with the note.
 */
@Component("decidePaymentAfterHandover")
class DecidePaymentAfterHandover implements TaskListener {

    enum Decision { END_COLLECTION, LET_AGENCY_COLLECT }

    @Override
    public void notify(DelegateTask task) {
        Decision decision = FormValues.choice(task, "decision", Decision.class, "Decision");
        String note = FormValues.text(task, "note");
        ProcessVariables.PAYMENT_NOTE.on(task).set((note != null ? note + " - " : "") + "decided by "
                + FormValues.user(task));
        ProcessVariables.PAYMENT_DECISION.on(task).set(decision.name());
        FormValues.forget(task, "decision", "note");
    }
}

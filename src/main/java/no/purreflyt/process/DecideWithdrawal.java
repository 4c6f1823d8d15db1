package no.purreflyt.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** On completing "Withdraw from the agency or leave it there" ({@code ${decideWithdrawal}}): keep, or withdraw with a reason. */
@Component("decideWithdrawal")
class DecideWithdrawal implements TaskListener {

    enum Decision { KEEP, WITHDRAW }

    @Override
    public void notify(DelegateTask task) {
        Decision decision = FormValues.choice(task, "decision", Decision.class, "Decision");
        if (decision == Decision.WITHDRAW) {
            String reason = FormValues.requiredText(task, "reason", "The reason for the withdrawal");
            ProcessVariables.WITHDRAWAL_REASON.on(task).set(reason + " - withdrawn by " + FormValues.user(task));
            ProcessVariables.COLLECTION_OUTCOME.on(task).set(ProcessVariables.WITHDRAWAL_REQUESTED);
        }
        ProcessVariables.WITHDRAWAL_DECISION.on(task).set(decision.name());
        FormValues.forget(task, "decision", "reason");
    }
}

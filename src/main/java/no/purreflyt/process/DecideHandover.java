package no.purreflyt.process;

import java.time.Clock;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On completing "Approve handover" ({@code ${decideHandover}}): approve, hold until a date, or write off with a reason.
 */
@Component("decideHandover")
class DecideHandover implements TaskListener {

    enum Decision { APPROVE, HOLD, WRITE_OFF }

    private final StepTime time;
    private final Clock clock;

    DecideHandover(StepTime time, Clock clock) {
        this.time = time;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        Decision decision = FormValues.choice(task, "decision", Decision.class, "Decision");
        String note = FormValues.text(task, "note");
        switch (decision) {
            case HOLD -> {
                LocalDate until = FormValues.futureDate(task, "holdUntil", "Hold until", time.today(), clock.getZone());
                ProcessVariables.HELD_UNTIL.on(task).set(time.at(until));
            }
            case WRITE_OFF -> {
                String reason = FormValues.requiredText(task, "reason", "The reason for the write-off");
                ProcessVariables.CLOSING_NOTE.on(task).set(reason + (note != null ? " (" + note + ")" : "")
                        + " - written off by " + FormValues.user(task));
            }
            case APPROVE -> {
                // nothing to convert: the handover follows
            }
        }
        ProcessVariables.HANDOVER_DECISION.on(task).set(decision.name());
        FormValues.forget(task, "decision", "note", "holdUntil", "reason");
    }
}

package no.purreflyt.process;

import java.time.Clock;
import java.time.LocalDate;
import no.purreflyt.notice.NoticeService;
import no.purreflyt.notice.ReviewDecision;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On completing "Review …" ({@code ${reviewNotice}}): records the credit controller's decision on the notice and
 * writes it for the model's gateway: send, send without fee, postpone (until a later date), stop.
 */
@Component("reviewNotice")
class ReviewNotice implements TaskListener {

    private final NoticeService notices;
    private final StepTime time;
    private final Clock clock;

    ReviewNotice(NoticeService notices, StepTime time, Clock clock) {
        this.notices = notices;
        this.time = time;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        ReviewDecision decision = FormValues.choice(task, "decision", ReviewDecision.class, "Decision");
        String note = FormValues.text(task, "note");
        if (decision == ReviewDecision.POSTPONE) {
            LocalDate until = FormValues.futureDate(task, "postponeUntil", "Postpone until", time.today(), clock.getZone());
            ProcessVariables.POSTPONED_UNTIL.on(task).set(time.at(until));
        }
        notices.review(ProcessVariables.NOTICE_ID.required(task), decision, note, FormValues.user(task));
        ProcessVariables.REVIEW_DECISION.on(task).set(decision.name());
        if (decision == ReviewDecision.STOP) {
            ProcessVariables.CLOSING_NOTE.on(task).set(note != null ? note : "Stopped at review");
        }
        FormValues.forget(task, "decision", "note", "postponeUntil");
    }
}

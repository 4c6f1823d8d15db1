package no.purreflyt.process;

import no.purreflyt.notice.Notice;
import no.purreflyt.notice.NoticeRefusedException;
import no.purreflyt.notice.NoticeService;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Prepare …" ({@code ${prepareNotice}}): prepares the notice of the planned step; StepRefused where the law says no. */
@Component("prepareNotice")
class PrepareNotice implements JavaDelegate {

    private final NoticeService notices;

    PrepareNotice(NoticeService notices) {
        this.notices = notices;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Notice notice;
        try {
            notice = notices.prepare(ProcessVariables.CASE_ID.required(execution),
                    ProcessVariables.PLAN_STEP.required(execution));
        } catch (NoticeRefusedException refused) {
            throw new BpmnError(DunningModel.ERROR_STEP_REFUSED, refused.getMessage());
        }
        ProcessVariables.NOTICE_ID.on(execution).set(notice.id());
        ProcessVariables.NOTICE_SUMMARY.on(execution).set(notice.summary());
    }
}

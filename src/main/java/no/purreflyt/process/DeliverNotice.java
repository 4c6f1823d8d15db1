package no.purreflyt.process;

import no.purreflyt.notice.NoContactAddressException;
import no.purreflyt.notice.Notice;
import no.purreflyt.notice.NoticeService;
import no.purreflyt.posting.CasePostings;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Send …" ({@code ${deliverNotice}}, async, retried, then an incident): delivers the prepared notice once; a debtor
 * without an address goes to "Fix contact data".
 */
@Component("deliverNotice")
class DeliverNotice implements JavaDelegate {

    private final NoticeService notices;
    private final CaseStage stage;
    private final CasePostings postings;

    DeliverNotice(NoticeService notices, CaseStage stage, CasePostings postings) {
        this.notices = notices;
        this.stage = stage;
        this.postings = postings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Notice notice;
        try {
            notice = notices.deliver(ProcessVariables.NOTICE_ID.required(execution));
        } catch (NoContactAddressException noAddress) {
            stage.set(execution, ProcessVariables.Stage.CONTACT_DATA_MISSING);
            ProcessVariables.CONTACT_PROBLEM.on(execution).set(noAddress.getMessage());
            throw new BpmnError(DunningModel.ERROR_NO_CONTACT_ADDRESS, noAddress.getMessage());
        }
        // its fee (and a business debtor's compensation), or the interest it invoices, is income from today
        postings.noticeSent(ProcessVariables.CASE_ID.required(execution), notice.id());
        // the interest invoice is no step of the plan: the case stands where its last step left it
        if (!notice.interestInvoice()) {
            stage.set(execution, notice.step().name());
        }
    }
}

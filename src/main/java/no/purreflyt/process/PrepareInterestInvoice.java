package no.purreflyt.process;

import java.util.Optional;
import no.purreflyt.notice.Notice;
import no.purreflyt.notice.NoticeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Prepare the interest invoice if the plan asks for one" ({@code ${prepareInterestInvoice}}, async): after the invoice
 * is paid, the interest left unpaid is invoiced where the case's plan says so and it is above the plan's minimum.
 */
@Component("prepareInterestInvoice")
class PrepareInterestInvoice implements JavaDelegate {

    private final NoticeService notices;

    PrepareInterestInvoice(NoticeService notices) {
        this.notices = notices;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Optional<Notice> invoice = notices.prepareInterestInvoice(ProcessVariables.CASE_ID.required(execution));
        ProcessVariables.INTEREST_INVOICE.on(execution).set(invoice.isPresent());
        invoice.ifPresent(notice -> ProcessVariables.NOTICE_ID.on(execution).set(notice.id()));
    }
}

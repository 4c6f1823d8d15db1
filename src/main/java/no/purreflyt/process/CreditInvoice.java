package no.purreflyt.process;

import no.purreflyt.ledger.LedgerService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Credit the outstanding amount" ({@code ${creditInvoice}}): a dispute closed in the debtor's favour. */
@Component("creditInvoice")
class CreditInvoice implements JavaDelegate {

    private final LedgerService ledger;

    CreditInvoice(LedgerService ledger) {
        this.ledger = ledger;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String note = ProcessVariables.CLOSING_NOTE.from(execution);
        ledger.creditOutstandingForCase(ProcessVariables.INVOICE_NUMBER.required(execution),
                "Dispute resolved in the debtor's favour" + (note != null ? ": " + note : ""));
    }
}

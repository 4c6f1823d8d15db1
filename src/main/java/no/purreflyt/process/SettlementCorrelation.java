package no.purreflyt.process;

import no.purreflyt.ledger.InvoiceSettled;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.MessageCorrelationResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the invoice's dunning case that the invoice is settled, in the transaction of the payment or
 * credit note that settled it: the ledger entry and the case's end commit together or not at all.
 */
@Component
class SettlementCorrelation {

    private static final Logger log = LoggerFactory.getLogger(SettlementCorrelation.class);

    private final RuntimeService runtime;

    SettlementCorrelation(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @EventListener
    void on(InvoiceSettled settled) {
        String message = settled.creditedToZero() ? DunningModel.MESSAGE_INVOICE_CREDITED : DunningModel.MESSAGE_INVOICE_SETTLED;
        var results = runtime.createMessageCorrelation(message)
                .processInstanceBusinessKey(settled.invoiceNumber())
                .correlateAllWithResult();
        for (MessageCorrelationResult result : results) {
            log.info("Invoice {}: {} correlated to case process {}", settled.invoiceNumber(), message,
                    result.getExecution() != null ? result.getExecution().getProcessInstanceId() : "?");
        }
    }
}

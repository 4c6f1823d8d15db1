package no.purreflyt.process;

import java.util.Map;
import no.purreflyt.ledger.CaseOutcome;

/**
 * The ids and message names of {@code processes/dunning.bpmn} that Java refers to. The model test checks
 * each against the file, so a rename in Modeler fails a test instead of production.
 */
public final class DunningModel {

    public static final String PROCESS_ID = "dunning";
    public static final String RESOURCE = "processes/dunning.bpmn";

    public static final String START_INVOICE_OVERDUE = "StartEvent_InvoiceOverdue";
    public static final String GATEWAY_AWAIT_SETTLEMENT = "Gateway_AwaitSettlement";
    public static final String EVENT_INVOICE_SETTLED = "Event_InvoiceSettled";
    public static final String EVENT_INVOICE_CREDITED = "Event_InvoiceCredited";
    public static final String END_PAID = "EndEvent_Paid";
    public static final String END_CREDITED = "EndEvent_Credited";

    /** Message names (what Java correlates), not the ids of the message definitions. */
    public static final String MESSAGE_INVOICE_SETTLED = "InvoiceSettled";
    public static final String MESSAGE_INVOICE_CREDITED = "InvoiceCredited";

    /** The case outcome each end event stands for. */
    public static final Map<String, CaseOutcome> END_EVENT_OUTCOMES = Map.of(
            END_PAID, CaseOutcome.PAID,
            END_CREDITED, CaseOutcome.CREDITED);

    private DunningModel() {
    }
}

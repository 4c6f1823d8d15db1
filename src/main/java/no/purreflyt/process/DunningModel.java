package no.purreflyt.process;

import java.util.Map;
import no.purreflyt.ledger.CaseOutcome;

/**
 * The ids, message names and error codes of {@code processes/dunning.bpmn} that Java refers to. The model test checks
 * each against the file, so a rename in Modeler fails a test instead of production.
 */
public final class DunningModel {

    public static final String PROCESS_ID = "dunning";
    public static final String RESOURCE = "processes/dunning.bpmn";

    public static final String EVENT_REMINDER_DUE = "Event_ReminderDue";
    public static final String TASK_DELIVER_REMINDER = "Task_DeliverReminder";
    public static final String EVENT_PURRING_DUE = "Event_PurringDue";
    public static final String TASK_REVIEW_REMINDER = "Task_ReviewReminder";
    public static final String TASK_REVIEW_PURRING = "Task_ReviewPurring";
    public static final String EVENT_PURRING_POSTPONED = "Event_PurringPostponed";
    public static final String TASK_DELIVER_PURRING = "Task_DeliverPurring";
    public static final String TASK_REVIEW_INKASSOVARSEL = "Task_ReviewInkassovarsel";
    public static final String TASK_DELIVER_INKASSOVARSEL = "Task_DeliverInkassovarsel";
    public static final String EVENT_HANDOVER_DUE = "Event_HandoverDue";
    public static final String TASK_APPROVE_HANDOVER = "Task_ApproveHandover";
    public static final String EVENT_HANDOVER_HELD = "Event_HandoverHeld";
    public static final String TASK_HAND_OVER = "Task_HandOver";

    // life with the collection agency
    public static final String SUBPROCESS_COLLECTION = "SubProcess_Collection";
    public static final String TASK_WITHDRAWAL_WINDOW = "Task_WithdrawalWindow";
    public static final String EVENT_WITHDRAWAL_WINDOW_ENDS = "Event_WithdrawalWindowEnds";
    public static final String GATEWAY_AGENCY_EVENTS = "Gateway_AgencyEvents";
    public static final String TASK_WITHDRAW_COLLECTION = "Task_WithdrawCollection";
    public static final String TASK_DECIDE_PAYMENT = "Task_DecidePayment";
    public static final String TASK_END_COLLECTION = "Task_EndCollection";
    public static final String TASK_REPORT_PAYMENT = "Task_ReportPayment";

    public static final String TASK_RESOLVE_DISPUTE = "Task_ResolveDispute";
    public static final String TASK_CREDIT_INVOICE = "Task_CreditInvoice";
    public static final String GATEWAY_AWAIT_UNBLOCK = "Gateway_AwaitUnblock";
    public static final String EVENT_BLOCK_LIFTED = "Event_BlockLifted";
    public static final String TASK_FIX_CONTACT_DATA = "Task_FixContactData";

    public static final String END_PAID = "EndEvent_Paid";
    public static final String END_CREDITED = "EndEvent_Credited";
    public static final String END_CREDITED_AFTER_DISPUTE = "EndEvent_CreditedAfterDispute";
    public static final String END_COLLECTED_BY_AGENCY = "EndEvent_CollectedByAgency";
    public static final String END_COLLECTION_WITHDRAWN = "EndEvent_CollectionWithdrawn";
    public static final String END_CLOSED_UNPAID = "EndEvent_ClosedUnpaid";
    public static final String END_PAID_AFTER_HANDOVER = "EndEvent_PaidAfterHandover";
    public static final String END_WRITTEN_OFF = "EndEvent_WrittenOff";
    public static final String END_CANCELLED = "EndEvent_Cancelled";
    public static final String END_STOPPED_BY_REVIEW = "EndEvent_StoppedByReview";

    /** Message names (what Java correlates), not the ids of the message definitions. */
    public static final String MESSAGE_INVOICE_SETTLED = "InvoiceSettled";
    public static final String MESSAGE_INVOICE_CREDITED = "InvoiceCredited";
    public static final String MESSAGE_DISPUTE_RAISED = "DisputeRaised";
    public static final String MESSAGE_CUSTOMER_BLOCKED = "CustomerBlocked";
    public static final String MESSAGE_DUNNING_BLOCK_CHANGED = "DunningBlockChanged";
    /** The case moved to another version of its plan: it decides its next step again. */
    public static final String MESSAGE_PLAN_CHANGED = "PlanChanged";
    /** A credit controller takes the claim back from the agency within the withdrawal window (API). */
    public static final String MESSAGE_COLLECTION_WITHDRAWN = "CollectionWithdrawn";
    /** The agency's signed callback: collected in full, or closed unpaid ({@code collectionOutcome}). */
    public static final String MESSAGE_AGENCY_RESULT = "AgencyResult";
    /** The debtor paid the creditor directly while the agency holds the claim. */
    public static final String MESSAGE_PAYMENT_AFTER_HANDOVER = "PaymentAfterHandover";

    /** Error codes our delegates throw as BpmnErrors (the model catches each). */
    public static final String ERROR_DISPUTE_OPEN = "DisputeOpen";
    public static final String ERROR_CUSTOMER_BLOCKED = "CustomerBlocked";
    public static final String ERROR_NO_CONTACT_ADDRESS = "NoContactAddress";
    public static final String ERROR_STEP_REFUSED = "StepRefused";

    /** The case outcome each end event of the process (not of its inner subprocesses) stands for. */
    public static final Map<String, CaseOutcome> END_EVENT_OUTCOMES = Map.ofEntries(
            Map.entry(END_PAID, CaseOutcome.PAID),
            Map.entry(END_CREDITED, CaseOutcome.CREDITED),
            Map.entry(END_CREDITED_AFTER_DISPUTE, CaseOutcome.CREDITED),
            Map.entry(END_WRITTEN_OFF, CaseOutcome.WRITTEN_OFF),
            Map.entry(END_CANCELLED, CaseOutcome.CANCELLED),
            Map.entry(END_STOPPED_BY_REVIEW, CaseOutcome.CANCELLED),
            Map.entry(END_COLLECTED_BY_AGENCY, CaseOutcome.COLLECTED),
            Map.entry(END_COLLECTION_WITHDRAWN, CaseOutcome.WITHDRAWN),
            Map.entry(END_CLOSED_UNPAID, CaseOutcome.CLOSED_UNPAID),
            Map.entry(END_PAID_AFTER_HANDOVER, CaseOutcome.PAID));

    /**
     * End events that only earlier versions of the model have, for the cases still running on them: before the case
     * followed the claim to the agency, it ended at the handover.
     */
    public static final Map<String, CaseOutcome> END_EVENT_OUTCOMES_OF_EARLIER_VERSIONS = Map.of(
            "EndEvent_HandedOver", CaseOutcome.HANDED_OVER);

    /** The value of {@code nextStep} when the plan has no step left. */
    public static final String NO_STEP = "NONE";

    private DunningModel() {
    }
}

package no.purreflyt.process;

import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * Every process variable of the dunning process, declared once and typed. Variables hold references and
 * routing facts only; business data lives in our tables.
 *
 * <pre>{@code CASE_ID.from(execution); STAGE.on(execution).set("CLOSED");}</pre>
 */
public final class ProcessVariables {

    public static final Variable<String> INVOICE_NUMBER = new Variable<>("invoiceNumber", String.class);
    public static final Variable<Long> CASE_ID = new Variable<>("caseId", Long.class);
    public static final Variable<String> CUSTOMER = new Variable<>("customer", String.class);
    public static final Variable<String> CUSTOMER_EXTERNAL_ID = new Variable<>("customerExternalId", String.class);
    /** Where the case is, in words a manager searches for in Cockpit (see {@link Stage}). */
    public static final Variable<String> STAGE = new Variable<>("stage", String.class);
    /** What the debtor still owes of the invoice, "1250.00" (a string: Cockpit shows and searches it as written). */
    /** The plan version the case follows ("standard v2"), for a manager's search in Cockpit. */
    public static final Variable<String> PLAN = new Variable<>("plan", String.class);
    public static final Variable<String> OUTSTANDING = new Variable<>("outstanding", String.class);
    public static final Variable<String> CURRENCY = new Variable<>("currency", String.class);

    // routing facts written by "Decide the next step"
    /** REMINDER, PURRING, INKASSOVARSEL, HANDOVER (a {@link no.purreflyt.rules.StepKind}) or NONE. */
    public static final Variable<String> NEXT_STEP = new Variable<>("nextStep", String.class);
    /** When the next step is due: its business day at the configured time of day (the stage's timer). */
    public static final Variable<Date> NEXT_STEP_AT = new Variable<>("nextStepAt", Date.class);
    /** The next step's position in the case's plan. */
    public static final Variable<Integer> PLAN_STEP = new Variable<>("planStep", Integer.class);
    /** "Create only": a credit controller reviews the notice (approves the handover) first. */
    public static final Variable<Boolean> REVIEW_REQUIRED = new Variable<>("reviewRequired", Boolean.class);

    // the notice in progress
    public static final Variable<Long> NOTICE_ID = new Variable<>("noticeId", Long.class);
    /** One line on what the notice says, shown in the review and approval forms. */
    public static final Variable<String> NOTICE_SUMMARY = new Variable<>("noticeSummary", String.class);

    // decisions of credit controllers, converted from their forms
    public static final Variable<String> REVIEW_DECISION = new Variable<>("reviewDecision", String.class);
    public static final Variable<Date> POSTPONED_UNTIL = new Variable<>("postponedUntil", Date.class);
    public static final Variable<String> HANDOVER_DECISION = new Variable<>("handoverDecision", String.class);
    public static final Variable<Date> HELD_UNTIL = new Variable<>("heldUntil", Date.class);
    public static final Variable<String> DISPUTE_RESOLUTION = new Variable<>("disputeResolution", String.class);
    /** The note a person gave when the case closes (write-off reason, dispute resolution). */
    public static final Variable<String> CLOSING_NOTE = new Variable<>("closingNote", String.class);

    /** Whether the case sends an interest invoice after the payment (the plan asks, and the interest is above its minimum). */
    public static final Variable<Boolean> INTEREST_INVOICE = new Variable<>("interestInvoice", Boolean.class);

    // with the collection agency
    /** The agency the claim went to (shown in the forms). */
    public static final Variable<String> AGENCY = new Variable<>("agency", String.class);
    /** Whether the withdrawal window was still open when the case (re-)entered the collection. */
    public static final Variable<Boolean> WITHDRAWAL_WINDOW_OPEN = new Variable<>("withdrawalWindowOpen", Boolean.class);
    /** When the withdrawal window closes: the day after its last day, at midnight (its timer). */
    public static final Variable<Date> WITHDRAWAL_WINDOW_ENDS_AT = new Variable<>("withdrawalWindowEndsAt", Date.class);
    /** The last day of the withdrawal window, "2026-05-12", for the form. */
    public static final Variable<String> WITHDRAWAL_WINDOW_ENDS_ON = new Variable<>("withdrawalWindowEndsOn", String.class);
    /** KEEP or WITHDRAW, from the withdrawal window's form. */
    public static final Variable<String> WITHDRAWAL_DECISION = new Variable<>("withdrawalDecision", String.class);
    /** Why the claim is taken back, and who took it back (told to the agency). */
    public static final Variable<String> WITHDRAWAL_REASON = new Variable<>("withdrawalReason", String.class);
    /** The payment straight to the creditor after handover, in words, for the form. */
    public static final Variable<String> PAYMENT_AFTER_HANDOVER = new Variable<>("paymentAfterHandover", String.class);
    /** END_COLLECTION or LET_AGENCY_COLLECT, from the payment-after-handover form. */
    public static final Variable<String> PAYMENT_DECISION = new Variable<>("paymentDecision", String.class);
    /** The credit controller's note on a payment after handover (told to the agency). */
    public static final Variable<String> PAYMENT_NOTE = new Variable<>("paymentNote", String.class);
    /** How the collection ended: COLLECTED, WITHDRAWN, CLOSED_UNPAID, PAID (a {@link no.purreflyt.ledger.CaseOutcome}). */
    public static final Variable<String> COLLECTION_OUTCOME = new Variable<>("collectionOutcome", String.class);
    /**
     * The {@code collectionOutcome} of a withdrawal decided in the window: the case leaves the collection (where a
     * payment could interrupt it) and then tells the agency.
     */
    public static final String WITHDRAWAL_REQUESTED = "WITHDRAWAL_REQUESTED";
    /** The input of a "Tell the agency" task: WITHDRAWAL, PAYMENT_RECEIVED or COLLECTION_ENDED. */
    public static final Variable<String> AGENCY_MESSAGE = new Variable<>("agencyMessage", String.class);

    // interruptions
    public static final Variable<String> DISPUTE_REASON = new Variable<>("disputeReason", String.class);
    /** When a customer's dunning block ends (its last day + 1 at the time of day), or null for a block without end. */
    public static final Variable<Date> BLOCK_ENDS_AT = new Variable<>("blockEndsAt", Date.class);
    /** Why a notice could not be delivered, shown in the "Fix contact data" form. */
    public static final Variable<String> CONTACT_PROBLEM = new Variable<>("contactProblem", String.class);

    /** The stages a case passes through, as stored in the {@code stage} variable and column. */
    public static final class Stage {
        /** opened, no notice sent yet */
        public static final String OVERDUE = "OVERDUE";
        // after a notice is sent, the stage is its step: REMINDER, PURRING, INKASSOVARSEL (StepKind names)
        public static final String DISPUTED = "DISPUTED";
        public static final String BLOCKED = "BLOCKED";
        public static final String CONTACT_DATA_MISSING = "CONTACT_DATA_MISSING";
        /** the collection agency has the claim */
        public static final String HANDED_OVER = "HANDED_OVER";
        public static final String CLOSED = "CLOSED";

        private Stage() {
        }
    }

    /** A typed process variable. */
    public record Variable<T>(String name, Class<T> type) {

        /** The value, or null where it is not set. */
        public T from(VariableScope scope) {
            Object value = scope.getVariable(name);
            if (value != null && !type.isInstance(value)) {
                throw new IllegalStateException("Process variable " + name + " holds a " + value.getClass().getSimpleName()
                        + ", expected " + type.getSimpleName());
            }
            return type.cast(value);
        }

        public T required(VariableScope scope) {
            T value = from(scope);
            if (value == null) {
                throw new IllegalStateException("Process variable " + name + " is not set");
            }
            return value;
        }

        public Writer<T> on(VariableScope scope) {
            return value -> scope.setVariable(name, value);
        }

        /** Adds the value to variables given when a process instance starts. */
        public VariableMap with(VariableMap variables, T value) {
            return variables.putValue(name, value);
        }
    }

    @FunctionalInterface
    public interface Writer<T> {
        void set(T value);
    }

    private ProcessVariables() {
    }
}

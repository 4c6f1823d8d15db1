package no.purreflyt.plan;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.List;

import no.purreflyt.rules.PlannedStep;
import no.purreflyt.rules.StepKind;

/**
 * The plan a case follows, as the case keeps it from its start (a snapshot of one version of a stored plan): its steps
 * in order (repeated reminders written out), whether it charges interest, claims the business debtor's compensation,
 * whether a Swedish påminnelseavgift was agreed, the agency it hands over to, the time of day its automatic steps go
 * out, and whether the principal paid settles the case. A step's position in {@link #steps()} is its number in the
 * case's history.
 *
 * @param key     the stored plan's key, and {@code version} the version the case follows
 * @param agency  the collection agency of the handover, or null
 * @param timeOfDay when its automatic steps go out; null for a case that kept none (the case starter's time then)
 * @param acceptPaymentWithoutFee whether the principal paid settles the case; a case kept before plans said so was
 *                  settled by its principal, and still is
 * @param interestInvoiceMinimum an interest invoice is written after a late payment when the interest left unpaid is
 *                  above this; null: the plan writes none
 * @param interestInvoiceDeadlineDays the interest invoice's deadline in days from the day it is written (0 when the
 *                  plan writes none)
 * @param withdrawalWindowDays days after the handover in which the case can be withdrawn from the agency at no cost
 */
public record DunningPlan(String name, List<Step> steps, boolean interest, boolean compensation,
        boolean reminderFeeAgreed, String key, int version, String agency, LocalTime timeOfDay,
        Boolean acceptPaymentWithoutFee, BigDecimal interestInvoiceMinimum, int interestInvoiceDeadlineDays,
        int withdrawalWindowDays) {

    public DunningPlan {
        steps = List.copyOf(steps);
        if (acceptPaymentWithoutFee == null) {
            acceptPaymentWithoutFee = true;
        }
    }

    /**
     * Reads a snapshot a case keeps ({@code dunning_case.plan_json}). A snapshot stored before the interest invoice and
     * the withdrawal window existed lacks them: it writes no interest invoice and has the default window, as a new plan
     * would (a missing int would otherwise read as 0 days, a window nobody chose).
     */
    @JsonCreator
    static DunningPlan read(@JsonProperty("name") String name, @JsonProperty("steps") List<Step> steps,
            @JsonProperty("interest") boolean interest, @JsonProperty("compensation") boolean compensation,
            @JsonProperty("reminderFeeAgreed") boolean reminderFeeAgreed, @JsonProperty("key") String key,
            @JsonProperty("version") int version, @JsonProperty("agency") String agency,
            @JsonProperty("timeOfDay") LocalTime timeOfDay,
            @JsonProperty("acceptPaymentWithoutFee") Boolean acceptPaymentWithoutFee,
            @JsonProperty("interestInvoiceMinimum") BigDecimal interestInvoiceMinimum,
            @JsonProperty("interestInvoiceDeadlineDays") Integer interestInvoiceDeadlineDays,
            @JsonProperty("withdrawalWindowDays") Integer withdrawalWindowDays) {
        return new DunningPlan(name, steps, interest, compensation, reminderFeeAgreed, key, version, agency, timeOfDay,
                acceptPaymentWithoutFee, interestInvoiceMinimum,
                interestInvoiceMinimum == null ? 0
                        : interestInvoiceDeadlineDays != null ? interestInvoiceDeadlineDays
                                : PlanDefinition.DEFAULT_INTEREST_INVOICE_DEADLINE_DAYS,
                withdrawalWindowDays != null ? withdrawalWindowDays : PlanDefinition.DEFAULT_WITHDRAWAL_WINDOW_DAYS);
    }

    /** Whether the plan writes an interest invoice after a late payment. */
    public boolean hasInterestInvoice() {
        return interestInvoiceMinimum != null;
    }

    /**
     * @param review     "create only": the notice waits for a credit controller's review; for the handover, approval
     * @param withoutFee the step sends its notice without the fee the law would allow (a mild or medium plan)
     * @param label      how a credit controller names it ("Purring 2")
     */
    public record Step(StepKind kind, int daysAfterDue, int deadlineDays, boolean review, boolean withoutFee,
            String label) {

        /** The step's name for a person: its label, or for a case kept before steps had labels, its kind. */
        public String name() {
            return label != null ? label : kind.name();
        }
    }

    public List<PlannedStep> plannedSteps() {
        return steps.stream().map(s -> new PlannedStep(s.kind(), s.daysAfterDue(), s.deadlineDays(), !s.withoutFee()))
                .toList();
    }

    public Step step(int planStep) {
        if (planStep < 0 || planStep >= steps.size()) {
            throw new IllegalArgumentException("The plan '" + name + "' has no step " + planStep + " (it has "
                    + steps.size() + ")");
        }
        return steps.get(planStep);
    }

    /** "standard v3", or the name of a plan kept before plans were stored. */
    public String reference() {
        return key == null ? name : key + " v" + version;
    }
}

package no.purreflyt.rules;

/**
 * One step of a plan: send it {@code daysAfterDue} days after the due date at the earliest (and never before the
 * previous step's deadline has passed or the law allows), giving the debtor {@code deadlineDays} to pay.
 *
 * @param chargeFee whether the step charges the fee the law allows it; false sends it without one (a mild plan)
 */
public record PlannedStep(StepKind kind, int daysAfterDue, int deadlineDays, boolean chargeFee) {

    /** A step that charges what the law allows. */
    public PlannedStep(StepKind kind, int daysAfterDue, int deadlineDays) {
        this(kind, daysAfterDue, deadlineDays, true);
    }
}

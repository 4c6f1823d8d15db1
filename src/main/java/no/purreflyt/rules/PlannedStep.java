package no.purreflyt.rules;

/**
 * One step of a plan: send it {@code daysAfterDue} days after the due date at the earliest (and never before the
 * previous step's deadline has passed or the law allows), giving the debtor {@code deadlineDays} to pay.
 */
public record PlannedStep(StepKind kind, int daysAfterDue, int deadlineDays) {
}

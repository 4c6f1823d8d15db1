package no.purreflyt.plan;

import java.util.List;

import no.purreflyt.rules.PlannedStep;
import no.purreflyt.rules.StepKind;

/**
 * The plan a case follows, as the case keeps it from its start: its steps in order (repeated reminders written out),
 * and whether it charges interest, claims the business debtor's compensation, and whether a Swedish
 * påminnelseavgift was agreed. A step's position in {@link #steps()} is its number in the case's history.
 */
public record DunningPlan(String name, List<Step> steps, boolean interest, boolean compensation,
        boolean reminderFeeAgreed) {

    public DunningPlan {
        steps = List.copyOf(steps);
    }

    /**
     * @param review "create only": the notice waits for a credit controller's review; for the handover, approval
     */
    public record Step(StepKind kind, int daysAfterDue, int deadlineDays, boolean review) {
    }

    public List<PlannedStep> plannedSteps() {
        return steps.stream().map(s -> new PlannedStep(s.kind(), s.daysAfterDue(), s.deadlineDays())).toList();
    }

    public Step step(int planStep) {
        if (planStep < 0 || planStep >= steps.size()) {
            throw new IllegalArgumentException("The plan '" + name + "' has no step " + planStep + " (it has "
                    + steps.size() + ")");
        }
        return steps.get(planStep);
    }
}

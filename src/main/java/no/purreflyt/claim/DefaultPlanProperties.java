package no.purreflyt.claim;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;

import no.purreflyt.rules.PlannedStep;
import no.purreflyt.rules.StepKind;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The plan every case follows until creditors shape their own plans: its steps, and whether it charges interest,
 * claims the business debtor's compensation, and (Sweden) whether a påminnelseavgift was agreed.
 */
@Validated
@ConfigurationProperties("purreflyt.default-plan")
public record DefaultPlanProperties(
        @NotEmpty List<@Valid Step> steps,
        boolean interest,
        boolean compensation,
        boolean reminderFeeAgreed) {

    /** One step: what, how many days after the due date at the earliest, and how many days the debtor gets. */
    public record Step(@NotNull StepKind kind, @Min(0) @Max(365) int daysAfterDue, @Min(0) @Max(90) int deadlineDays) {
    }

    public List<PlannedStep> plannedSteps() {
        return steps.stream().map(s -> new PlannedStep(s.kind(), s.daysAfterDue(), s.deadlineDays())).toList();
    }
}

package no.purreflyt.plan;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.List;

import no.purreflyt.rules.StepKind;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The plan every new case follows until creditors shape their own plans (purreflyt.default-plan): its steps, and
 * whether it charges interest, claims the business debtor's compensation, and (Sweden) whether a påminnelseavgift
 * was agreed.
 */
@Validated
@ConfigurationProperties("purreflyt.default-plan")
public record DefaultPlanProperties(
        @NotEmpty List<@Valid Step> steps,
        boolean interest,
        boolean compensation,
        boolean reminderFeeAgreed) {

    /**
     * One step: what, how many days after the due date at the earliest, and how many days the debtor gets.
     *
     * @param repeat    free reminders only: how many more times the reminder is sent
     * @param everyDays free reminders only: days between the repeats
     * @param review    "create only": a credit controller reviews the notice (approves the handover) before it goes out
     */
    public record Step(@NotNull StepKind kind, @Min(0) @Max(365) int daysAfterDue, @Min(0) @Max(90) int deadlineDays,
            @Min(0) @Max(10) int repeat, @Min(0) @Max(90) int everyDays, boolean review) {

        @AssertTrue(message = "only a REMINDER step repeats, and a repeat needs every-days of 1 or more")
        boolean isRepeatSensible() {
            return repeat == 0 || (kind == StepKind.REMINDER && everyDays > 0);
        }
    }

    @AssertTrue(message = "a HANDOVER step can only be the last step")
    boolean isHandoverLast() {
        return steps == null || steps.stream().limit(Math.max(0, steps.size() - 1)).noneMatch(s -> s.kind() == StepKind.HANDOVER);
    }

    /** The plan with repeated reminders written out, as a case keeps it. */
    public DunningPlan toPlan() {
        List<DunningPlan.Step> expanded = new ArrayList<>();
        for (Step step : steps) {
            for (int i = 0; i <= step.repeat(); i++) {
                expanded.add(new DunningPlan.Step(step.kind(), step.daysAfterDue() + i * step.everyDays(),
                        step.deadlineDays(), step.review()));
            }
        }
        return new DunningPlan("default plan (purreflyt.default-plan)", expanded, interest, compensation,
                reminderFeeAgreed);
    }
}

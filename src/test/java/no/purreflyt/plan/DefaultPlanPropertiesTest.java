package no.purreflyt.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.List;
import no.purreflyt.rules.StepKind;
import org.junit.jupiter.api.Test;

class DefaultPlanPropertiesTest {

    private final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void aRepeatedReminderIsWrittenOutAsOneStepPerReminderEveryKDays() {
        // reminder on day 5, repeated twice every 7 days: days 5, 12, 19; then the purring
        DefaultPlanProperties properties = new DefaultPlanProperties(List.of(
                new DefaultPlanProperties.Step(StepKind.REMINDER, 5, 7, 2, 7, false),
                new DefaultPlanProperties.Step(StepKind.PURRING, 14, 14, 0, 0, true)), true, true, false);

        DunningPlan plan = properties.toPlan();

        assertThat(plan.steps()).extracting(DunningPlan.Step::kind, DunningPlan.Step::daysAfterDue, DunningPlan.Step::review)
                .containsExactly(tuple(StepKind.REMINDER, 5, false), tuple(StepKind.REMINDER, 12, false),
                        tuple(StepKind.REMINDER, 19, false), tuple(StepKind.PURRING, 14, true));
    }

    @Test
    void onlyRemindersRepeatAndAHandoverComesLast() {
        DefaultPlanProperties repeatedPurring = new DefaultPlanProperties(List.of(
                new DefaultPlanProperties.Step(StepKind.PURRING, 14, 14, 1, 14, false)), true, true, false);
        DefaultPlanProperties handoverFirst = new DefaultPlanProperties(List.of(
                new DefaultPlanProperties.Step(StepKind.HANDOVER, 0, 0, 0, 0, true),
                new DefaultPlanProperties.Step(StepKind.REMINDER, 7, 7, 0, 0, false)), true, true, false);

        assertThat(validator.validate(repeatedPurring)).extracting(v -> v.getMessage())
                .containsExactly("only a REMINDER step repeats, and a repeat needs every-days of 1 or more");
        assertThat(validator.validate(handoverFirst)).extracting(v -> v.getMessage())
                .containsExactly("a HANDOVER step can only be the last step");
    }
}

package no.purreflyt.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.purreflyt.rules.StepKind;
import org.junit.jupiter.api.Test;

/** How a running case's history fits a new plan version, so that nothing is sent twice or out of order. */
class StepMappingTest {

    private static DunningPlan.Step step(StepKind kind) {
        return new DunningPlan.Step(kind, 14, 14, false, false, kind.name());
    }

    @Test
    void takenStepsMoveToTheNextStepOfTheirKindAndPassedNewStepsAreSkipped() {
        // v1: reminder, purring, purring, handover; the case sent the reminder (notice 10) and purring 1 (notice 11).
        // v2 has two reminders: the first reminder keeps step 0, purring 1 moves to step 2, and the second reminder
        // (step 1), which the case passed before it existed, is skipped rather than sent after a purring
        List<StepMapping.Taken> taken = List.of(new StepMapping.Taken(10, 0, StepKind.REMINDER),
                new StepMapping.Taken(11, 1, StepKind.PURRING));
        List<DunningPlan.Step> v2 = List.of(step(StepKind.REMINDER), step(StepKind.REMINDER), step(StepKind.PURRING),
                step(StepKind.PURRING), step(StepKind.HANDOVER));

        Optional<StepMapping.Result> result = StepMapping.map(taken, v2, new StringBuilder());

        assertThat(result).hasValueSatisfying(r -> {
            assertThat(r.steps()).isEqualTo(Map.of(10L, 0, 11L, 2));
            assertThat(r.skipped()).containsExactly(1);
        });
    }

    @Test
    void aHistoryTheNewVersionHasNoRoomForCannotMove() {
        List<StepMapping.Taken> taken = List.of(new StepMapping.Taken(1, 0, StepKind.PURRING),
                new StepMapping.Taken(2, 1, StepKind.PURRING));
        StringBuilder refusal = new StringBuilder();

        assertThat(StepMapping.map(taken, List.of(step(StepKind.PURRING), step(StepKind.HANDOVER)), refusal)).isEmpty();
        assertThat(refusal).hasToString("the case has taken 2 purring steps, and the new version has 1 purring step "
                + "for them after the steps before");
    }

    @Test
    void aCaseThatTookNothingMovesAsItIs() {
        assertThat(StepMapping.map(List.of(), List.of(step(StepKind.REMINDER)), new StringBuilder()))
                .hasValueSatisfying(r -> {
                    assertThat(r.steps()).isEmpty();
                    assertThat(r.skipped()).isEmpty();
                });
    }
}

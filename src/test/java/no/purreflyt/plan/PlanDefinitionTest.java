package no.purreflyt.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import no.purreflyt.ledger.Country;
import no.purreflyt.rules.PlanRules;
import no.purreflyt.rules.Regimes;
import no.purreflyt.rules.StepKind;
import no.purreflyt.web.FieldProblem;
import org.junit.jupiter.api.Test;

/** The defaults a fee policy gives a plan, and what a plan becomes for the cases that follow it. */
class PlanDefinitionTest {

    private static final PlanDefinition.Defaults DEFAULTS = new PlanDefinition.Defaults(3, new BigDecimal("0.00"),
            LocalTime.of(11, 0));

    private static PlanDefinition plan(Country country, PlanDefinition.FeePolicy policy, Boolean warningFee) {
        return new PlanDefinition("P", country, policy, new PlanDefinition.Reminders(2, 7, 7, 7, null, null),
                List.of(new PlanDefinition.Purring(14, 14, null, null), new PlanDefinition.Purring(14, 14, null, null)),
                new PlanDefinition.Inkassovarsel(14, 14, warningFee, null),
                new PlanDefinition.Handover(PlanDefinition.Approval.AUTOMATIC, "X"), null, null, false, null, null, null,
                false, " ").normalized(DEFAULTS);
    }

    @Test
    void strictChargesEveryLawfulFeeAndInterestMediumThePurringFeesOnlyMildNone() {
        PlanDefinition strictForNorway = plan(Country.NO, PlanDefinition.FeePolicy.STRICT, null);
        // two purring fees use up § 1-3's two: a plan for Norway sends its inkassovarsel without one
        assertThat(strictForNorway.purringer()).extracting(PlanDefinition.Purring::fee).containsExactly(true, true);
        assertThat(strictForNorway.inkassovarsel().fee()).isFalse();
        assertThat(strictForNorway.interest()).isTrue();
        assertThat(strictForNorway.compensation()).isTrue();
        // a plan for any country charges the Swedish inkassokrav fee; the Norwegian third fee the rules drop on its day
        assertThat(plan(null, PlanDefinition.FeePolicy.STRICT, null).inkassovarsel().fee()).isTrue();

        PlanDefinition medium = plan(null, PlanDefinition.FeePolicy.MEDIUM, null);
        assertThat(medium.purringer()).extracting(PlanDefinition.Purring::fee).containsExactly(true, true);
        assertThat(medium.inkassovarsel().fee()).isFalse();
        assertThat(medium.interest()).isFalse();

        PlanDefinition mild = plan(null, PlanDefinition.FeePolicy.MILD, null);
        assertThat(mild.purringer()).extracting(PlanDefinition.Purring::fee).containsExactly(false, false);
        assertThat(mild.inkassovarsel().fee()).isFalse();
        assertThat(mild.startFromInvoiceNumber()).isNull();
        assertThat(mild.graceDays()).isEqualTo(3);
        assertThat(mild.timeOfDay()).isEqualTo(LocalTime.of(11, 0));
    }

    @Test
    void aCaseGetsTheStepsWrittenOutWithTheirReviewAndFee() {
        DunningPlan compiled = plan(Country.NO, PlanDefinition.FeePolicy.STRICT, null).compile("p", 4);

        // two reminders a week apart (days 7 and 14), the purringer, the inkassovarsel (create only by default), the
        // automatic handover
        assertThat(compiled.steps()).extracting(DunningPlan.Step::label, DunningPlan.Step::kind,
                DunningPlan.Step::daysAfterDue, DunningPlan.Step::review, DunningPlan.Step::withoutFee).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Free reminder 1", StepKind.REMINDER, 7, false, true),
                org.assertj.core.groups.Tuple.tuple("Free reminder 2", StepKind.REMINDER, 14, false, true),
                org.assertj.core.groups.Tuple.tuple("Purring 1", StepKind.PURRING, 14, false, false),
                org.assertj.core.groups.Tuple.tuple("Purring 2", StepKind.PURRING, 14, false, false),
                org.assertj.core.groups.Tuple.tuple("Inkassovarsel", StepKind.INKASSOVARSEL, 14, true, true),
                org.assertj.core.groups.Tuple.tuple("Handover", StepKind.HANDOVER, 0, false, true));
        assertThat(compiled.reference()).isEqualTo("p v4");
        assertThat(compiled.agency()).isEqualTo("X");
    }

    @Test
    void aFeeThePolicyForbidsIsAContradictionNamedByItsField() {
        List<FieldProblem> problems = plan(Country.NO, PlanDefinition.FeePolicy.MEDIUM, true)
                .problems(new PlanRules(new Regimes(null)), LocalDate.of(2026, 11, 25));

        assertThat(problems).extracting(FieldProblem::field).contains("inkassovarsel.fee");
        assertThat(problems.get(0).message()).isEqualTo("The inkassovarsel charges a fee, but the fee policy MEDIUM "
                + "charges fees on purringer only: choose STRICT, or set fee to false.");
    }

    @Test
    void aCaseKeptBeforePlansSaidWhetherThePrincipalSettlesItIsSettledByThePrincipalAsThen() throws Exception {
        String before = "{\"name\":\"default plan (purreflyt.default-plan)\",\"steps\":[{\"kind\":\"REMINDER\","
                + "\"daysAfterDue\":7,\"deadlineDays\":7,\"review\":false}],\"interest\":true,\"compensation\":true,"
                + "\"reminderFeeAgreed\":false}";

        DunningPlan kept = com.fasterxml.jackson.databind.json.JsonMapper.builder().findAndAddModules().build()
                .readValue(before, DunningPlan.class);

        assertThat(kept.acceptPaymentWithoutFee()).isTrue();
        assertThat(kept.reference()).isEqualTo("default plan (purreflyt.default-plan)");
        assertThat(kept.plannedSteps().get(0).chargeFee()).isTrue();
        assertThat(kept.step(0).name()).isEqualTo("REMINDER");
    }
}

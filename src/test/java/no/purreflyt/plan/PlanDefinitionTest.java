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
                new PlanDefinition.Handover(PlanDefinition.Approval.AUTOMATIC, "X", null), null, null, false, null, null,
                null, false, " ", null).normalized(DEFAULTS);
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

    private static final com.fasterxml.jackson.databind.json.JsonMapper JSON =
            com.fasterxml.jackson.databind.json.JsonMapper.builder().findAndAddModules().build();

    /** A plan read as the API reads it, with its defaults written out. */
    private static PlanDefinition read(String json) throws Exception {
        return JSON.readValue(json, PlanDefinition.class).normalized(DEFAULTS);
    }

    private static final String STRICT = "{\"name\":\"P\",\"feePolicy\":\"STRICT\","
            + "\"purringer\":[{\"daysAfterDue\":14,\"deadlineDays\":14}],"
            + "\"handover\":{\"approval\":\"MANUAL\",\"agency\":\"X\"}";

    @Test
    void anInterestInvoiceGivenWithoutItsFieldsAndAHandoverWithoutItsWindowGetTheDefaultsWrittenOut() throws Exception {
        PlanDefinition plan = read(STRICT + ",\"interestInvoice\":{}}");

        assertThat(plan.interestInvoice()).isEqualTo(new PlanDefinition.InterestInvoice(new BigDecimal("0.00"), 14));
        assertThat(plan.interestInvoice().minimumAmount().scale()).isEqualTo(2);
        assertThat(plan.handover().withdrawalWindowDays()).isEqualTo(10);
        // as stored and answered by the API: every default written out
        String written = JSON.writeValueAsString(plan);
        assertThat(written).contains("\"interestInvoice\":{\"minimumAmount\":0.00,\"deadlineDays\":14}")
                .contains("\"withdrawalWindowDays\":10");

        DunningPlan compiled = plan.compile("p", 1);
        assertThat(compiled.hasInterestInvoice()).isTrue();
        assertThat(compiled.interestInvoiceMinimum()).isEqualByComparingTo("0.00");
        assertThat(compiled.interestInvoiceDeadlineDays()).isEqualTo(14);
        assertThat(compiled.withdrawalWindowDays()).isEqualTo(10);
    }

    @Test
    void aPlanWithoutAnInterestInvoiceWritesNoneAndKeepsTheWindowItChose() throws Exception {
        PlanDefinition plan = read("{\"name\":\"P\",\"feePolicy\":\"STRICT\",\"purringer\":[{\"daysAfterDue\":14,"
                + "\"deadlineDays\":14}],\"handover\":{\"approval\":\"MANUAL\",\"agency\":\"X\","
                + "\"withdrawalWindowDays\":0},\"interestInvoice\":null}");

        assertThat(plan.interestInvoice()).isNull();
        assertThat(plan.problems(new PlanRules(new Regimes(null)), LocalDate.of(2026, 3, 2))).isEmpty();
        DunningPlan compiled = plan.compile("p", 1);
        assertThat(compiled.hasInterestInvoice()).isFalse();
        assertThat(compiled.interestInvoiceMinimum()).isNull();
        assertThat(compiled.withdrawalWindowDays()).isZero();
        // and the snapshot a case keeps reads back as it was written
        assertThat(JSON.readValue(JSON.writeValueAsString(compiled), DunningPlan.class)).isEqualTo(compiled);
    }

    @Test
    void anInterestInvoiceWithItsOwnMinimumAndDeadlineKeepsThemThroughTheCasesSnapshot() throws Exception {
        DunningPlan compiled = read(STRICT + ",\"interestInvoice\":{\"minimumAmount\":\"50.00\",\"deadlineDays\":21}}")
                .compile("p", 2);

        DunningPlan kept = JSON.readValue(JSON.writeValueAsString(compiled), DunningPlan.class);

        assertThat(kept).isEqualTo(compiled);
        assertThat(kept.interestInvoiceMinimum()).isEqualByComparingTo("50.00");
        assertThat(kept.interestInvoiceDeadlineDays()).isEqualTo(21);
    }

    @Test
    void anInterestInvoiceNeedsInterestAndIsRefusedWhereThePrincipalSettlesTheCase() throws Exception {
        PlanRules rules = new PlanRules(new Regimes(null));
        LocalDate today = LocalDate.of(2026, 3, 2);

        List<FieldProblem> noInterest = read(STRICT + ",\"interest\":false,\"interestInvoice\":{}}")
                .problems(rules, today);
        assertThat(noInterest).extracting(FieldProblem::field).containsExactly("interestInvoice");
        assertThat(noInterest.get(0).message()).isEqualTo("The plan sends an interest invoice, but charges no interest: "
                + "an interest invoice needs interest: true, or leave interestInvoice out.");

        // MEDIUM charges no interest by default either
        assertThat(read(STRICT.replace("STRICT", "MEDIUM") + ",\"interestInvoice\":{}}").problems(rules, today))
                .extracting(FieldProblem::field).containsExactly("interestInvoice");

        List<FieldProblem> writtenOff = read(STRICT + ",\"acceptPaymentWithoutFee\":true,\"interestInvoice\":{}}")
                .problems(rules, today);
        assertThat(writtenOff).extracting(FieldProblem::field).containsExactly("interestInvoice");
        assertThat(writtenOff.get(0).message()).isEqualTo("The plan sends an interest invoice, but with "
                + "acceptPaymentWithoutFee: true the principal paid settles the case and writes the interest off: set "
                + "acceptPaymentWithoutFee to false, or leave interestInvoice out.");
    }

    @Test
    void theFieldLimitsOfTheNewSettingsAreChecked() throws Exception {
        jakarta.validation.Validator validator = jakarta.validation.Validation.buildDefaultValidatorFactory().getValidator();

        PlanDefinition wrong = JSON.readValue("{\"name\":\"P\",\"feePolicy\":\"STRICT\",\"purringer\":[],"
                + "\"handover\":{\"approval\":\"MANUAL\",\"agency\":\"X\",\"withdrawalWindowDays\":61},"
                + "\"interestInvoice\":{\"minimumAmount\":\"-0.01\",\"deadlineDays\":0}}", PlanDefinition.class);

        assertThat(validator.validate(wrong)).extracting(v -> v.getPropertyPath().toString()).containsExactlyInAnyOrder(
                "handover.withdrawalWindowDays", "interestInvoice.minimumAmount", "interestInvoice.deadlineDays");
        PlanDefinition tooMany = JSON.readValue("{\"name\":\"P\",\"feePolicy\":\"STRICT\",\"purringer\":[],"
                + "\"interestInvoice\":{\"minimumAmount\":\"1.001\",\"deadlineDays\":91}}", PlanDefinition.class);
        assertThat(validator.validate(tooMany)).extracting(v -> v.getPropertyPath().toString())
                .containsExactlyInAnyOrder("interestInvoice.minimumAmount", "interestInvoice.deadlineDays");
    }

    @Test
    void aSnapshotKeptBeforeTheNewSettingsReadsWithTheDefaultWindowAndNoInterestInvoice() throws Exception {
        // as dunning_case.plan_json held it before interestInvoice* and withdrawalWindowDays existed
        String before = "{\"name\":\"Standard\",\"steps\":[{\"kind\":\"PURRING\",\"daysAfterDue\":14,"
                + "\"deadlineDays\":14,\"review\":false,\"withoutFee\":false,\"label\":\"Purring\"},{\"kind\":"
                + "\"HANDOVER\",\"daysAfterDue\":0,\"deadlineDays\":0,\"review\":true,\"withoutFee\":true,"
                + "\"label\":\"Handover\"}],\"interest\":true,\"compensation\":false,\"reminderFeeAgreed\":false,"
                + "\"key\":\"standard\",\"version\":3,\"agency\":\"Demo Inkasso AS\",\"timeOfDay\":\"09:00:00\","
                + "\"acceptPaymentWithoutFee\":false}";

        DunningPlan kept = JSON.readValue(before, DunningPlan.class);

        assertThat(kept.withdrawalWindowDays()).isEqualTo(10);
        assertThat(kept.hasInterestInvoice()).isFalse();
        assertThat(kept.interestInvoiceMinimum()).isNull();
        assertThat(kept.interestInvoiceDeadlineDays()).isZero();
        assertThat(kept.acceptPaymentWithoutFee()).isFalse();
        assertThat(kept.reference()).isEqualTo("standard v3");
    }
}

package no.purreflyt.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import no.purreflyt.ledger.Country;
import org.junit.jupiter.api.Test;

/** Each rule a plan is checked against before it is saved, with the days worked out by hand. */
class PlanRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    private final PlanRules rules = new PlanRules(new Regimes(null));

    private static PlanRules.Step reminder(int day, int deadline) {
        return new PlanRules.Step("Free reminder", StepKind.REMINDER, day, deadline, false);
    }

    private static PlanRules.Step purring(String label, int day, int deadline, boolean fee) {
        return new PlanRules.Step(label, StepKind.PURRING, day, deadline, fee);
    }

    private static PlanRules.Step inkassovarsel(int day, int deadline, boolean fee) {
        return new PlanRules.Step("Inkassovarsel", StepKind.INKASSOVARSEL, day, deadline, fee);
    }

    @Test
    void aLawfulNorwegianPlanPasses() {
        // reminder day 7 (7 days), purring day 14 with a fee (14 days), purring with a fee (14 days), inkassovarsel
        // without a fee (14 days): two fees, each from day 14 with 14-day deadlines
        assertThat(rules.check(Country.NO, List.of(reminder(7, 7), purring("Purring 1", 14, 14, true),
                purring("Purring 2", 14, 14, true), inkassovarsel(14, 14, false)), TODAY)).isEmpty();
    }

    @Test
    void aFeeBeforeDay14IsRefusedNamingTheStepAndSection12() {
        List<PlanRules.Violation> violations = rules.check(null, List.of(purring("Purring 1", 10, 14, true)), TODAY);

        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.step()).isZero();
            assertThat(v.rule()).isEqualTo("inkassoforskriften § 1-2");
            assertThat(v.message()).isEqualTo("Purring 1 charges a fee on day 10 after the due date; inkassoforskriften "
                    + "§ 1-2 allows a fee from day 14 at the earliest. Plan it for day 14 or later, or send it without a fee.");
        });
        // the same purring without a fee is a lawful letter on day 10
        assertThat(rules.check(null, List.of(purring("Purring 1", 10, 14, false)), TODAY)).isEmpty();
    }

    @Test
    void aDeadlineUnder14DaysIsRefusedForAnInkassovarselAndAFeeBearingPurring() {
        List<PlanRules.Violation> violations = rules.check(Country.NO, List.of(reminder(7, 5),
                purring("Purring", 14, 10, true), inkassovarsel(30, 13, false)), TODAY);

        // the reminder's 5 days are its own business; the purring's 10 and the inkassovarsel's 13 are not
        assertThat(violations).extracting(PlanRules.Violation::step, PlanRules.Violation::rule).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, "inkassoforskriften § 1-3"),
                org.assertj.core.groups.Tuple.tuple(2, "inkassoloven § 9"));
        assertThat(violations.get(1).message()).isEqualTo("Inkassovarsel gives a deadline of 13 days; inkassoloven § 9 "
                + "requires at least 14 days from sending.");
    }

    @Test
    void aThirdFeeInANorwegianPlanIsRefusedBySection13() {
        List<PlanRules.Violation> violations = rules.check(Country.NO, List.of(purring("Purring 1", 14, 14, true),
                purring("Purring 2", 14, 14, true), inkassovarsel(14, 14, true)), TODAY);

        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.step()).isEqualTo(2);
            assertThat(v.message()).startsWith("Inkassovarsel would be the third fee on the claim (after Purring 1 and "
                    + "Purring 2); inkassoforskriften § 1-3 allows two fees");
        });
        // a plan for any country leaves the Norwegian third fee to the rules on its day (they drop it), and charges the
        // Swedish inkassokrav fee, which is another fee
        assertThat(rules.check(null, List.of(purring("Purring 1", 14, 14, true), purring("Purring 2", 14, 14, true),
                inkassovarsel(14, 14, true)), TODAY)).isEmpty();
    }

    @Test
    void theCreditorsOwnInkassovarselIsRefusedWhereACaseStartedTodayReachesItUnderTheNewInkassolov() {
        PlanRules newAct = new PlanRules(new Regimes(LocalDate.of(2027, 1, 1)));
        // earliest days after the due date, by the plan alone: reminder day 7, deadline 7 + 7 = 14;
        // purring max(14, 14 + 1) = 15, deadline 15 + 14 = 29; inkassovarsel max(14, 29 + 1) = 30.
        // An invoice due today 2026-11-25: inkassovarsel on 2026-12-25 at the earliest, before 2027-01-01: allowed.
        List<PlanRules.Step> short_ = List.of(reminder(7, 7), purring("Purring", 14, 14, true), inkassovarsel(14, 14, false));
        assertThat(newAct.check(Country.NO, short_, TODAY)).isEmpty();

        // with a second purring (max(14, 29 + 1) = 30, deadline 44) the inkassovarsel comes on day 45 = 2027-01-09:
        // only licensed agencies may send it then
        List<PlanRules.Step> long_ = List.of(reminder(7, 7), purring("Purring 1", 14, 14, true),
                purring("Purring 2", 14, 14, true), inkassovarsel(14, 14, false));
        assertThat(newAct.check(Country.NO, long_, TODAY)).singleElement().satisfies(v -> {
            assertThat(v.step()).isEqualTo(3);
            assertThat(v.rule()).isEqualTo("new inkassolov (LOV-2026-05-22-19)");
            assertThat(v.message()).startsWith("Inkassovarsel: a case this plan starts today would send it on 2027-01-09 "
                    + "at the earliest; from 2027-01-01 only licensed collection agencies may send an inkassovarsel");
        });
        // a Swedish plan is not under the Norwegian act
        assertThat(newAct.check(Country.SE, long_, TODAY)).extracting(PlanRules.Violation::rule)
                .doesNotContain("new inkassolov (LOV-2026-05-22-19)");
    }

    @Test
    void aFeeBearingPurringUnderTheNewInkassolovIsRefusedAndAFreeOneIsNot() {
        PlanRules newAct = new PlanRules(new Regimes(LocalDate.of(2026, 12, 1)));
        // purring day 14 of an invoice due 2026-11-25: 2026-12-09, after 2026-12-01
        assertThat(newAct.check(Country.NO, List.of(purring("Purring", 14, 14, true)), TODAY)).singleElement()
                .satisfies(v -> assertThat(v.message()).contains("2026-12-09").contains("gebyrbelagte kravbrev"));
        assertThat(newAct.check(Country.NO, List.of(purring("Purring", 14, 14, false)), TODAY)).isEmpty();
    }

    @Test
    void aSwedishPlanChargesOnePaminnelseavgift() {
        assertThat(rules.check(Country.SE, List.of(purring("Purring 1", 8, 10, true), purring("Purring 2", 20, 10, true)),
                TODAY)).singleElement().satisfies(v -> {
                    assertThat(v.step()).isEqualTo(1);
                    assertThat(v.rule()).isEqualTo("lag 1981:739 § 2");
                });
    }
}

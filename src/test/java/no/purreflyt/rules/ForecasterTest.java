package no.purreflyt.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import no.purreflyt.ledger.Country;
import no.purreflyt.ledger.CustomerType;

class ForecasterTest {

    private final RuleTables tables = RuleTables.builtIn();
    private final StepDates dates = new StepDates(new BusinessCalendar());
    private final Forecaster forecaster = new Forecaster(new FeeRules(tables, new Regimes(null)), dates);

    @Test
    void aDueDateOnGoodFridayPushesTheReminderPastEasterAndTheDeadlinePastLabourDay() {
        // due Friday 2026-04-03 (langfredag). Reminder planned the day after: Sat 04-04, Easter Sunday 04-05 and
        // Easter Monday 04-06 are closed, so Tuesday 04-07, deadline 7 days later Tuesday 04-14.
        // Purring: day 14 = Friday 04-17 (open), after the reminder's deadline; fee 1/20 × 750 = 37.50 → 38;
        // deadline 04-17 + 14 = Friday 05-01 (Labour Day), then the weekend: Monday 05-04.
        List<ForecastStep> steps = forecaster.forecast(Country.NO, CustomerType.CONSUMER, LocalDate.of(2026, 4, 3),
                List.of(new PlannedStep(StepKind.REMINDER, 1, 7), new PlannedStep(StepKind.PURRING, 14, 14)), false);

        assertThat(steps).extracting(ForecastStep::notice, ForecastStep::date, ForecastStep::deadline,
                ForecastStep::fee).containsExactly(
                tuple(NoticeKind.REMINDER, LocalDate.of(2026, 4, 7), LocalDate.of(2026, 4, 14), new BigDecimal("0.00")),
                tuple(NoticeKind.PURRING, LocalDate.of(2026, 4, 17), LocalDate.of(2026, 5, 4), new BigDecimal("38.00")));
    }

    @Test
    void aPurringThePlanSendsWithoutAFeeIsAFreeReminderInLawEvenUnderTheNewInkassolov() {
        // due Monday 2026-03-02; a fee-free purring planned for day 10 = Thursday 03-12 with a 7-day deadline (03-19):
        // no day 14, no 14-day deadline, no regime stops it. Under the new inkassolov (from 2026-01-01) the same.
        Forecaster underNewAct = new Forecaster(new FeeRules(tables, new Regimes(LocalDate.of(2026, 1, 1))), dates);
        List<PlannedStep> plan = List.of(new PlannedStep(StepKind.PURRING, 10, 7, false),
                new PlannedStep(StepKind.PURRING, 14, 14, true));

        for (Forecaster f : List.of(forecaster, underNewAct)) {
            ForecastStep free = f.forecast(Country.NO, CustomerType.CONSUMER, LocalDate.of(2026, 3, 2), plan, false).get(0);
            assertThat(free.allowed()).isTrue();
            assertThat(free.date()).isEqualTo(LocalDate.of(2026, 3, 12));
            assertThat(free.deadline()).isEqualTo(LocalDate.of(2026, 3, 19));
            assertThat(free.fee()).isEqualByComparingTo("0.00");
            assertThat(free.rule()).isEqualTo(FeeDecision.PLAN_RULE);
        }
        // the fee-bearing purring after it: day 14 = 03-16, but after the free one's deadline: Friday 03-20, fee 38 as
        // the claim's first fee (the fee-free purring is none of § 1-3's two); under the new act it is refused
        assertThat(forecaster.forecast(Country.NO, CustomerType.CONSUMER, LocalDate.of(2026, 3, 2), plan, false).get(1))
                .satisfies(step -> {
                    assertThat(step.date()).isEqualTo(LocalDate.of(2026, 3, 20));
                    assertThat(step.fee()).isEqualByComparingTo("38.00");
                });
        assertThat(underNewAct.forecast(Country.NO, CustomerType.CONSUMER, LocalDate.of(2026, 3, 2), plan, false).get(1)
                .allowed()).isFalse();
    }

    @Test
    void aPurringWhoseDay14IsGoodFridayGoesOutTheTuesdayAfterEaster() {
        // due Friday 2026-03-20; day 14 = 04-03 langfredag; 04-04 Sat, 04-05 Easter, 04-06 Easter Monday → 04-07;
        // deadline 04-07 + 14 = Tuesday 04-21
        List<ForecastStep> steps = forecaster.forecast(Country.NO, CustomerType.CONSUMER, LocalDate.of(2026, 3, 20),
                List.of(new PlannedStep(StepKind.PURRING, 14, 14)), false);

        assertThat(steps).singleElement().satisfies(step -> {
            assertThat(step.date()).isEqualTo(LocalDate.of(2026, 4, 7));
            assertThat(step.deadline()).isEqualTo(LocalDate.of(2026, 4, 21));
        });
    }

    @Test
    void theDefaultFlowShowsTheThirdFeeRefusedAndTheHandoverAfterTheLastDeadline() {
        // due Monday 2026-01-05, reminder day 7 (Mon 01-12, deadline 01-19), purring day 14 but after 01-19: Tue 01-20,
        // deadline 02-03, 38; purring 2 Wed 02-04, deadline 02-18, 38; inkassovarsel Thu 02-19, deadline 03-05: a
        // third fee, refused by § 1-3, so 0; handover Fri 03-06.
        List<ForecastStep> steps = forecaster.forecast(Country.NO, CustomerType.CONSUMER, LocalDate.of(2026, 1, 5),
                List.of(new PlannedStep(StepKind.REMINDER, 7, 7), new PlannedStep(StepKind.PURRING, 14, 14),
                        new PlannedStep(StepKind.PURRING, 14, 14), new PlannedStep(StepKind.INKASSOVARSEL, 14, 14),
                        new PlannedStep(StepKind.HANDOVER, 0, 0)), false);

        assertThat(steps).extracting(ForecastStep::step, ForecastStep::date, ForecastStep::deadline, ForecastStep::fee)
                .containsExactly(
                        tuple(StepKind.REMINDER, LocalDate.of(2026, 1, 12), LocalDate.of(2026, 1, 19), new BigDecimal("0.00")),
                        tuple(StepKind.PURRING, LocalDate.of(2026, 1, 20), LocalDate.of(2026, 2, 3), new BigDecimal("38.00")),
                        tuple(StepKind.PURRING, LocalDate.of(2026, 2, 4), LocalDate.of(2026, 2, 18), new BigDecimal("38.00")),
                        tuple(StepKind.INKASSOVARSEL, LocalDate.of(2026, 2, 19), LocalDate.of(2026, 3, 5), new BigDecimal("0.00")),
                        tuple(StepKind.HANDOVER, LocalDate.of(2026, 3, 6), null, null));
        assertThat(steps.get(3).rule()).isEqualTo("inkassoforskriften § 1-3");
    }

    @Test
    void aCaseThatResumesTakesTheFirstStepItHasNotTakenOnTheDayItResumes() {
        // due Monday 2026-01-05. Taken: the reminder (sent 01-12, deadline 01-19) and purring 1 (sent 01-20, deadline
        // 02-03, fee 38). The case resumes on Monday 03-02 after a dispute: purring 2 is overdue since 02-04, so it goes
        // out today, 03-02, deadline 03-16, fee 38 (the second fee: the first's 14-day deadline has passed).
        List<TakenStep> taken = List.of(sent(0, NoticeKind.REMINDER, "2026-01-12", "2026-01-19", "0.00"),
                sent(1, NoticeKind.PURRING, "2026-01-20", "2026-02-03", "38.00"));

        ForecastStep next = forecaster.next(Country.NO, CustomerType.CONSUMER, LocalDate.of(2026, 1, 5), defaultPlan(),
                false, taken, LocalDate.of(2026, 3, 2)).orElseThrow();

        assertThat(next.planStep()).isEqualTo(2);
        assertThat(next.step()).isEqualTo(StepKind.PURRING);
        assertThat(next.date()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(next.deadline()).isEqualTo(LocalDate.of(2026, 3, 16));
        assertThat(next.fee()).isEqualByComparingTo("38.00");
    }

    @Test
    void aStepSkippedBecauseTheLawRefusedItIsNotTriedAgain() {
        // due 2026-01-05; the reminder was sent 01-12 (deadline 01-19), purring 1 was skipped on its day. The next step
        // is purring 2, on 01-20 (after the reminder's deadline, day 14 passed), with the first fee: 38.
        List<TakenStep> taken = List.of(sent(0, NoticeKind.REMINDER, "2026-01-12", "2026-01-19", "0.00"),
                TakenStep.skipped(1, "refused"));

        List<ForecastStep> steps = forecaster.forecast(Country.NO, CustomerType.CONSUMER, LocalDate.of(2026, 1, 5),
                defaultPlan(), false, taken, LocalDate.of(2026, 1, 13));

        assertThat(steps.get(1).taken()).isTrue();
        assertThat(steps.get(1).allowed()).isFalse();
        assertThat(steps.get(2).date()).isEqualTo(LocalDate.of(2026, 1, 20));
        assertThat(steps.get(2).fee()).isEqualByComparingTo("38.00");
        assertThat(forecaster.next(Country.NO, CustomerType.CONSUMER, LocalDate.of(2026, 1, 5), defaultPlan(), false,
                taken, LocalDate.of(2026, 1, 13)).orElseThrow().planStep()).isEqualTo(2);
    }

    @Test
    void aPlanWhoseStepsAreAllTakenHasNoNextStep() {
        List<PlannedStep> plan = List.of(new PlannedStep(StepKind.REMINDER, 7, 7));
        List<TakenStep> taken = List.of(sent(0, NoticeKind.REMINDER, "2026-01-12", "2026-01-19", "0.00"));

        assertThat(forecaster.next(Country.NO, CustomerType.CONSUMER, LocalDate.of(2026, 1, 5), plan, false, taken,
                LocalDate.of(2026, 2, 1))).isEmpty();
    }

    @Test
    void aNextStepWhoseFeeNeedsATableRowNotWrittenYetIsPlannedForItsDayWithoutAFee() {
        // due 2026-12-10: reminder 12-17 (deadline 12-24), purring 1 on Mon 12-28 (R 2026), deadline 2027-01-11;
        // both taken. Purring 2 on 2027-01-12 needs the inkassosats of 2027, which no table has yet: it is planned for
        // 2027-01-12 and its fee decided when it is prepared that day (an incident then if the row is still missing).
        List<TakenStep> taken = List.of(sent(0, NoticeKind.REMINDER, "2026-12-17", "2026-12-24", "0.00"),
                sent(1, NoticeKind.PURRING, "2026-12-28", "2027-01-11", "38.00"));

        ForecastStep next = forecaster.next(Country.NO, CustomerType.CONSUMER, LocalDate.of(2026, 12, 10), defaultPlan(),
                false, taken, LocalDate.of(2026, 12, 29)).orElseThrow();

        assertThat(next.planStep()).isEqualTo(2);
        assertThat(next.date()).isEqualTo(LocalDate.of(2027, 1, 12));
        assertThat(next.fee()).isNull();
        assertThat(next.rule()).isEqualTo("no-inkassosats.csv");
        assertThat(next.reason()).startsWith("Decided when the notice is prepared on 2027-01-12");
        // the forecast, by contrast, shows the step as not decidable and ends there
        ForecastStep shown = forecaster.forecast(Country.NO, CustomerType.CONSUMER, LocalDate.of(2026, 12, 10),
                defaultPlan(), false, taken, LocalDate.of(2026, 12, 29)).get(2);
        assertThat(shown.allowed()).isFalse();
        assertThat(shown.reason()).contains("2027-01-12");
    }

    private static TakenStep sent(int planStep, NoticeKind kind, String sentOn, String deadline, String fee) {
        return TakenStep.sent(planStep, new SentNotice(kind, LocalDate.parse(sentOn), LocalDate.parse(deadline),
                new BigDecimal(fee)));
    }

    private static List<PlannedStep> defaultPlan() {
        return List.of(new PlannedStep(StepKind.REMINDER, 7, 7), new PlannedStep(StepKind.PURRING, 14, 14),
                new PlannedStep(StepKind.PURRING, 14, 14), new PlannedStep(StepKind.INKASSOVARSEL, 14, 14),
                new PlannedStep(StepKind.HANDOVER, 0, 0));
    }

    @Test
    void midsummerEveIsClosedInSwedenButNotInNorway() {
        // due Friday 2026-06-05; day 14 = Friday 06-19: Midsommarafton in Sweden (closed; 06-20 Midsommardagen,
        // 06-21 Sunday) → Monday 06-22; in Norway 06-19 is an ordinary Friday
        List<PlannedStep> plan = List.of(new PlannedStep(StepKind.PURRING, 14, 14));
        assertThat(forecaster.forecast(Country.SE, CustomerType.CONSUMER, LocalDate.of(2026, 6, 5), plan, false))
                .singleElement().satisfies(step -> {
                    assertThat(step.notice()).isEqualTo(NoticeKind.PAMINNELSE);
                    assertThat(step.date()).isEqualTo(LocalDate.of(2026, 6, 22));
                });
        assertThat(forecaster.forecast(Country.NO, CustomerType.CONSUMER, LocalDate.of(2026, 6, 5), plan, false))
                .singleElement().extracting(ForecastStep::date).isEqualTo(LocalDate.of(2026, 6, 19));
    }

    @Test
    void theBusinessDayCalendarKnowsTheMovableHolidays() {
        BusinessCalendar calendar = new BusinessCalendar();
        // Norway 2026: Maundy Thursday 04-02, Ascension 05-14, Whit Monday 05-25, Constitution Day 05-17 (Sunday)
        assertThat(calendar.isBusinessDay(Country.NO, LocalDate.of(2026, 4, 2))).isFalse();
        assertThat(calendar.isBusinessDay(Country.NO, LocalDate.of(2026, 5, 14))).isFalse();
        assertThat(calendar.isBusinessDay(Country.NO, LocalDate.of(2026, 5, 25))).isFalse();
        assertThat(calendar.isBusinessDay(Country.NO, LocalDate.of(2026, 5, 26))).isTrue();
        // Sweden works on Maundy Thursday but not on Epiphany or National Day
        assertThat(calendar.isBusinessDay(Country.SE, LocalDate.of(2026, 4, 2))).isTrue();
        assertThat(calendar.isBusinessDay(Country.SE, LocalDate.of(2026, 1, 6))).isFalse();
        assertThat(calendar.isBusinessDay(Country.SE, LocalDate.of(2025, 6, 6))).isFalse();
    }
}

package no.purreflyt.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import no.purreflyt.ledger.Country;

class StepDatesTest {

    private final StepDates dates = new StepDates(new BusinessCalendar());
    private static final LocalDate DUE = LocalDate.of(2026, 3, 2);

    @Test
    void theEarliestLawfulDayOfEachStep() {
        // free reminder: the day after the due date; purring and fee-bearing inkassovarsel: due + 14 = 03-16
        assertThat(dates.earliestLegal(NoticeKind.REMINDER, DUE, List.of())).isEqualTo(LocalDate.of(2026, 3, 3));
        assertThat(dates.earliestLegal(NoticeKind.PURRING, DUE, List.of())).isEqualTo(LocalDate.of(2026, 3, 16));
        assertThat(dates.earliestLegal(NoticeKind.INKASSOVARSEL, DUE, List.of())).isEqualTo(LocalDate.of(2026, 3, 16));
        // no betalingsoppfordring before an inkassovarsel
        assertThat(dates.earliestLegal(NoticeKind.BETALINGSOPPFORDRING, DUE, List.of())).isNull();
    }

    @Test
    void aSecondFeeWaitsForTheDayAfterTheFirstDeadlineAndTheBetalingsoppfordringForTheWarningsDeadline() {
        // purring 03-16 with deadline 03-30: the next fee-bearing notice at the earliest 03-31
        List<SentNotice> purring = List.of(new SentNotice(NoticeKind.PURRING, LocalDate.of(2026, 3, 16),
                LocalDate.of(2026, 3, 30), new BigDecimal("38.00")));
        assertThat(dates.earliestLegal(NoticeKind.INKASSOVARSEL, DUE, purring)).isEqualTo(LocalDate.of(2026, 3, 31));
        // a free reminder's deadline does not hold back a purring
        List<SentNotice> reminder = List.of(new SentNotice(NoticeKind.REMINDER, LocalDate.of(2026, 3, 3),
                LocalDate.of(2026, 3, 20), BigDecimal.ZERO));
        assertThat(dates.earliestLegal(NoticeKind.PURRING, DUE, reminder)).isEqualTo(LocalDate.of(2026, 3, 16));
        // inkassovarsel 03-31 with deadline 04-14: betalingsoppfordring from 04-15
        List<SentNotice> warning = List.of(new SentNotice(NoticeKind.INKASSOVARSEL, LocalDate.of(2026, 3, 31),
                LocalDate.of(2026, 4, 14), new BigDecimal("38.00")));
        assertThat(dates.earliestLegal(NoticeKind.BETALINGSOPPFORDRING, DUE, warning))
                .isEqualTo(LocalDate.of(2026, 4, 15));
    }

    @Test
    void aDeadlineOnAClosedDayMovesToTheNextBusinessDay() {
        // sent Wednesday 2026-05-13 + 14 = Wednesday 05-27 (open); sent Thursday 2026-04-30 + 14 = Thursday 05-14,
        // Ascension Day → Friday 05-15; a notice planned for Saturday 05-16 goes out on Monday 05-18
        assertThat(dates.deadline(Country.NO, LocalDate.of(2026, 5, 13), 14)).isEqualTo(LocalDate.of(2026, 5, 27));
        assertThat(dates.deadline(Country.NO, LocalDate.of(2026, 4, 30), 14)).isEqualTo(LocalDate.of(2026, 5, 15));
        assertThat(dates.sendingDay(Country.NO, LocalDate.of(2026, 5, 16))).isEqualTo(LocalDate.of(2026, 5, 18));
        // 17 May is a Sunday in 2026; in 2027 it is a Monday, Constitution Day → Tuesday 05-18
        assertThat(dates.sendingDay(Country.NO, LocalDate.of(2027, 5, 17))).isEqualTo(LocalDate.of(2027, 5, 18));
    }
}

package no.purreflyt.overview;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the overview writes its figures for a Norwegian reader, bands the ages and sizes the chart's bars. */
class OverviewFiguresTest {

    @Test
    void moneyIsWrittenTheNorwegianWayWithANoBreakSpaceBetweenThousands() {
        assertThat(NorwegianFormat.money(new BigDecimal("12345.67"), "NOK")).isEqualTo("12\u00a0345,67\u00a0NOK");
        assertThat(NorwegianFormat.money(new BigDecimal("1234567.5"), "SEK")).isEqualTo("1\u00a0234\u00a0567,50\u00a0SEK");
        assertThat(NorwegianFormat.amount(new BigDecimal("0.00"))).isEqualTo("0,00");
        assertThat(NorwegianFormat.amount(new BigDecimal("999.99"))).isEqualTo("999,99");
        assertThat(NorwegianFormat.count(12345)).isEqualTo("12\u00a0345");
        assertThat(NorwegianFormat.date(LocalDate.of(2026, 3, 2))).isEqualTo("02.03.2026");
    }

    @Test
    void agesAreWrittenInDaysAndHoursOnceTheyAreAnHour() {
        assertThat(NorwegianFormat.age(Duration.ofMinutes(12))).isEqualTo("12 min");
        assertThat(NorwegianFormat.age(Duration.ofMinutes(5 * 60 + 59))).isEqualTo("5 h");
        assertThat(NorwegianFormat.age(Duration.ofHours(48))).isEqualTo("2 d 0 h");
        assertThat(NorwegianFormat.age(Duration.ofHours(36))).isEqualTo("1 d 12 h");
        assertThat(NorwegianFormat.age(Duration.ofMinutes(-3))).isEqualTo("0 min");
    }

    @Test
    void eachDayPastDueFallsInExactlyOneBandWithTheBoundariesInTheLowerBand() {
        assertThat(List.of(1L, 14L, 15L, 30L, 31L, 60L, 61L, 90L, 91L, 400L).stream()
                .map(days -> AgeBucket.of(days).label()).toList())
                .containsExactly("1-14", "1-14", "15-30", "15-30", "31-60", "31-60", "61-90", "61-90", "over 90", "over 90");
        // a case opens only after the grace days; a business clock moved back still counts it somewhere
        assertThat(AgeBucket.of(-2).label()).isEqualTo("1-14");
    }

    @Test
    void theMedianOfAnEvenCountIsTheMeanOfTheTwoMiddleAges() {
        assertThat(OverviewService.median(List.of(Duration.ofHours(24), Duration.ofHours(48)))).isEqualTo(Duration.ofHours(36));
        assertThat(OverviewService.median(List.of(Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(9))))
                .isEqualTo(Duration.ofHours(2));
        assertThat(OverviewService.toTheMinute(Duration.ofHours(48).minusSeconds(20))).isEqualTo(Duration.ofHours(48));
        assertThat(OverviewService.toTheMinute(Duration.ofHours(48).plusSeconds(29))).isEqualTo(Duration.ofHours(48));
    }

    @Test
    void theLargestSumGetsTheFullHeightAndTheOthersTheirShareOnWholePixels() {
        BarChart chart = BarChart.of("NOK", List.of(
                new Overview.StageRow("OVERDUE", "NOK", 2, new BigDecimal("1300.00")),
                new Overview.StageRow("REMINDER", "SEK", 1, new BigDecimal("99999.00")),
                new Overview.StageRow("DISPUTED", "NOK", 2, new BigDecimal("3100.00")),
                new Overview.StageRow("PURRING", "NOK", 1, new BigDecimal("0.01"))));

        // 1 300 / 3 100 × 200 = 83.87 → 84; a cent still shows as one pixel; SEK is another chart
        assertThat(chart.bars()).extracting(BarChart.Bar::stage, BarChart.Bar::height)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("OVERDUE", 84),
                        org.assertj.core.groups.Tuple.tuple("DISPUTED", 200),
                        org.assertj.core.groups.Tuple.tuple("PURRING", 1));
        assertThat(chart.bars()).allSatisfy(bar -> assertThat(bar.y() + bar.height()).isEqualTo(chart.baseline()));
        assertThat(chart.bars().get(1).amountText()).isEqualTo("3\u00a0100,00");
        assertThat(BarChart.label("CONTACT_DATA_MISSING")).isEqualTo("Contact data missing");
    }
}

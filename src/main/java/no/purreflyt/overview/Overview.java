package no.purreflyt.overview;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A manager's overview of the open dunning cases on one business date: money by stage and by age, incidents, tasks
 * waiting, and the oldest cases. The body of {@code GET /api/overview}, and what the page shows.
 *
 * @param openCases every open case (the list {@code cases} holds at most the first {@link OverviewService#CASE_LIMIT})
 * @param totals principal outstanding per currency (money in two currencies is never added up)
 */
public record Overview(LocalDate businessDate, long openCases, List<Money> totals, List<StageRow> byStage,
        List<AgeRow> byAge, long incidentCount, List<IncidentRow> incidents, List<TaskRow> tasks, List<CaseRow> cases) {

    /** Cases and principal outstanding in one currency. */
    public record Money(String currency, long cases, BigDecimal outstanding) {
    }

    public record StageRow(String stage, String currency, long cases, BigDecimal outstanding) {
    }

    /** @param bucket the days past the due date: "1-14", "15-30", "31-60", "61-90", "over 90" */
    public record AgeRow(String bucket, String currency, long cases, BigDecimal outstanding) {
    }

    /**
     * @param activityName the model's name of the step that failed ("Send free reminder")
     * @param since when the incident was raised (the engine's clock, so the business clock)
     */
    public record IncidentRow(String id, String message, String activityId, String activityName, String invoiceNumber,
            String processInstanceId, String cockpitUrl, java.time.Instant since) {
    }

    /**
     * One kind of task (one user task of the model) and how long its open tasks have waited.
     *
     * @param oldestAge ISO-8601, "PT48H"
     * @param medianAge ISO-8601; of an even count, the mean of the two middle ages
     */
    public record TaskRow(String taskKey, String name, long count, String oldestAge, String medianAge) {
    }

    /** @param daysOverdue days past the invoice's due date on the business date */
    public record CaseRow(String invoiceNumber, String customer, String stage, LocalDate dueDate, long daysOverdue,
            BigDecimal outstanding, String currency, String processInstanceId, String cockpitUrl) {
    }
}

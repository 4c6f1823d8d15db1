package no.purreflyt.process;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.Optional;
import no.purreflyt.rules.BusinessCalendar;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Starts the day's run once the business clock has passed the configured time of day on a business day of the
 * configured country (no weekends, no public holidays).
 * It polls instead of using a cron expression so that it follows the business clock (time travel), runs
 * late after downtime rather than not at all, and, through the run table's unique date, runs once per day
 * across all nodes.
 */
@Component
class DailyRun {

    private final CaseStarter starter;
    private final DunningRunRepository runs;
    private final CaseStarterProperties properties;
    private final BusinessCalendar calendar;
    private final Clock clock;

    DailyRun(CaseStarter starter, DunningRunRepository runs, CaseStarterProperties properties,
            BusinessCalendar calendar, Clock clock) {
        this.starter = starter;
        this.runs = runs;
        this.properties = properties;
        this.calendar = calendar;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${purreflyt.case-starter.poll-interval}", initialDelayString = "${purreflyt.case-starter.poll-interval}")
    void runIfDue() {
        if (properties.scheduled()) {
            runIfDue(ZonedDateTime.now(clock));
        }
    }

    /** Runs when {@code now} is past the time of day on a business day whose run has not happened yet. */
    Optional<CaseStarter.RunResult> runIfDue(ZonedDateTime now) {
        if (!calendar.isBusinessDay(properties.calendar(), now.toLocalDate())
                || now.toLocalTime().isBefore(properties.timeOfDay()) || runs.scheduledRunExists(now.toLocalDate())) {
            return Optional.empty();
        }
        return starter.run(RunKind.SCHEDULED, null);
    }
}

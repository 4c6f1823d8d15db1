package no.purreflyt.process;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.ZonedDateTime;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Starts the day's run once the business clock has passed the configured time of day on a weekday.
 * It polls instead of using a cron expression so that it follows the business clock (time travel), runs
 * late after downtime rather than not at all, and, through the run table's unique date, runs once per day
 * across all nodes. Public holidays come with the business-day calendars of the legal rules.
 */
@Component
class DailyRun {

    private final CaseStarter starter;
    private final DunningRunRepository runs;
    private final CaseStarterProperties properties;
    private final Clock clock;

    DailyRun(CaseStarter starter, DunningRunRepository runs, CaseStarterProperties properties, Clock clock) {
        this.starter = starter;
        this.runs = runs;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${purreflyt.case-starter.poll-interval}", initialDelayString = "${purreflyt.case-starter.poll-interval}")
    void runIfDue() {
        if (!properties.scheduled()) {
            return;
        }
        ZonedDateTime now = ZonedDateTime.now(clock);
        boolean weekend = now.getDayOfWeek() == DayOfWeek.SATURDAY || now.getDayOfWeek() == DayOfWeek.SUNDAY;
        if (weekend || now.toLocalTime().isBefore(properties.timeOfDay()) || runs.scheduledRunExists(now.toLocalDate())) {
            return;
        }
        starter.run(RunKind.SCHEDULED, null);
    }
}

package no.purreflyt.process;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import no.purreflyt.rules.BusinessCalendar;
import org.springframework.stereotype.Component;

/**
 * Turns business days into the moments the process waits for: a day at the configured time of day (the daily run's),
 * in the business clock's zone. Also the {@code taskDue} bean of the model: {@code camunda:dueDate="${taskDue.standard()}"}.
 */
@Component("taskDue")
public class StepTime {

    private final CaseStarterProperties starter;
    private final ProcessProperties process;
    private final BusinessCalendar calendar;
    private final Clock clock;

    StepTime(CaseStarterProperties starter, ProcessProperties process, BusinessCalendar calendar, Clock clock) {
        this.starter = starter;
        this.process = process;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** The day at the configured time of day (the daily run's). */
    public Date at(LocalDate day) {
        return at(day, null);
    }

    /** The day at a plan's time of day, or the daily run's where the plan names none. */
    public Date at(LocalDate day, java.time.LocalTime time) {
        return Date.from(day.atTime(time != null ? time : starter.timeOfDay()).atZone(clock.getZone()).toInstant());
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** A task due when something of the case runs out (the withdrawal window): {@code ${taskDue.by(withdrawalWindowEndsAt)}}. */
    public Date by(Date moment) {
        return moment;
    }

    /** When a credit controller's new task is due: the configured number of business days from today. */
    public Date standard() {
        LocalDate day = today();
        for (int i = 0; i < process.taskDueBusinessDays(); i++) {
            day = calendar.onOrAfter(starter.calendar(), day.plusDays(1));
        }
        return at(day);
    }
}

package no.purreflyt.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves the business clock and keeps the engine's clock on it, so timers fire as the business date
 * moves. Exists only where {@code purreflyt.clock.adjustable} is on.
 */
@Service
@ConditionalOnProperty(name = "purreflyt.clock.adjustable", havingValue = "true")
public class TimeTravel implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(TimeTravel.class);

    private final AdjustableClock clock;
    private final JdbcClient jdbc;
    private final ProcessEngineConfigurationImpl engineConfiguration;

    TimeTravel(Clock clock, JdbcClient jdbc, ProcessEngineConfigurationImpl engineConfiguration) {
        this.clock = (AdjustableClock) clock;
        this.jdbc = jdbc;
        this.engineConfiguration = engineConfiguration;
    }

    /**
     * The engine starts on real time; put it on the business clock's stored offset before any start-up
     * work (the demo's first run, the job executor) touches it.
     */
    @Override
    public void afterPropertiesSet() {
        applyToEngine(clock.offset());
    }

    public ZonedDateTime now() {
        return ZonedDateTime.now(clock);
    }

    /** Sets the business date, keeping the time of day. */
    @Transactional
    public ZonedDateTime setDate(LocalDate date) {
        ZonedDateTime now = now();
        Duration shift = Duration.between(now, now.with(date));
        return move(clock.offset().plus(shift));
    }

    /** Sets the business date and time of day. */
    @Transactional
    public ZonedDateTime setDateTime(LocalDate date, LocalTime time) {
        ZonedDateTime now = now();
        Duration shift = Duration.between(now, date.atTime(time).atZone(now.getZone()));
        return move(clock.offset().plus(shift));
    }

    @Transactional
    public ZonedDateTime advanceDays(int days) {
        ZonedDateTime now = now();
        Duration shift = Duration.between(now, now.plusDays(days));
        return move(clock.offset().plus(shift));
    }

    private ZonedDateTime move(Duration exactOffset) {
        // stored in whole seconds, rounded to the nearest so that "12:00" reads 12:00:00, not 11:59:59
        Duration newOffset = Duration.ofSeconds(exactOffset.plusMillis(500).toSeconds());
        int updated = jdbc.sql("update business_clock set offset_seconds = :s where id = 1")
                .param("s", newOffset.toSeconds()).update();
        if (updated == 0) {
            jdbc.sql("insert into business_clock (id, offset_seconds) values (1, :s)")
                    .param("s", newOffset.toSeconds()).update();
        }
        clock.setOffset(newOffset);
        applyToEngine(clock.offset());
        ZonedDateTime now = now();
        log.info("Business clock moved to {}", now);
        return now;
    }

    /**
     * Takes over a move made on another node: every node of one database keeps the same business date, as the
     * engine's timers and the daily run (one node takes it) expect. Polls the stored offset (one row) every second,
     * holding the row's lock while it compares: a move on this node changes the row and this node's clock in one
     * transaction, so the two never cross.
     */
    @Scheduled(fixedDelayString = "${purreflyt.clock.follow-interval:PT1S}")
    @Transactional
    public void follow() {
        jdbc.sql("select offset_seconds from business_clock where id = 1 for update").query(Long.class).optional()
                .map(Duration::ofSeconds)
                .filter(stored -> !stored.equals(clock.offset()))
                .ifPresent(stored -> {
                    clock.setOffset(stored);
                    applyToEngine(stored);
                    log.info("Business clock moved by another node to {}", now());
                });
    }

    private void applyToEngine(Duration offset) {
        ClockUtil.offset(offset.toMillis());
        JobExecutor jobExecutor = engineConfiguration.getJobExecutor();
        if (jobExecutor != null && jobExecutor.isActive()) {
            // timers that just became due should not wait for the next idle poll
            jobExecutor.jobWasAdded();
        }
    }
}

package no.purreflyt.process;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The record of every case-starter run; the unique scheduled_date lets one node take a day's run. */
@Repository
class DunningRunRepository {

    private final JdbcClient jdbc;

    DunningRunRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean scheduledRunExists(LocalDate date) {
        return jdbc.sql("select count(*) from dunning_run where scheduled_date = :d").param("d", date)
                .query(Long.class).single() > 0;
    }

    /** Registers a run; empty for a scheduled run that another node (or an earlier poll) already took. */
    @Transactional
    public Optional<Long> begin(RunKind kind, LocalDate businessDate, String requestedBy, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        try {
            jdbc.sql("""
                    insert into dunning_run (kind, business_date, scheduled_date, requested_by, started_at)
                    values (:kind, :date, :scheduled, :by, :now)""")
                    .param("kind", kind.name())
                    .param("date", businessDate)
                    .param("scheduled", kind == RunKind.SCHEDULED ? businessDate : null)
                    .param("by", requestedBy)
                    .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                    .update(keys, "id");
        } catch (DuplicateKeyException alreadyTaken) {
            return Optional.empty();
        }
        return Optional.of(keys.getKeyAs(Number.class).longValue());
    }

    @Transactional
    public void finish(long runId, CaseStarter.RunResult result, Instant now) {
        jdbc.sql("""
                update dunning_run set finished_at = :now, candidates = :candidates, cases_started = :started, skipped = :skipped
                where id = :id""")
                .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .param("candidates", result.candidates())
                .param("started", result.started())
                .param("skipped", result.skipped() + result.failed())
                .param("id", runId)
                .update();
    }
}

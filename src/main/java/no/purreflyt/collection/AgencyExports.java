package no.purreflyt.collection;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import no.purreflyt.collection.CollectionProperties.Agency;
import no.purreflyt.collection.CollectionProperties.Connector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the FILE agencies' stored messages as batch files, every purreflyt.collection.export-interval and on
 * {@link #exportNow()}.
 *
 * <p>In two steps, so that a crash neither loses nor duplicates a batch: first one transaction makes a WRITING batch
 * per agency and claims that agency's unbatched messages for it (an update that only takes rows still unclaimed, so
 * two nodes on one database never put a message in two batches); then each WRITING batch's file is written
 * atomically from the stored messages and the batch is marked WRITTEN. A batch left WRITING by a crash or an
 * unwritable directory is written again by the next run, under the same name and with the same bytes.
 */
@Service
public class AgencyExports {

    private static final Logger log = LoggerFactory.getLogger(AgencyExports.class);

    /** A batch file, as listed by GET /api/agency-exports. */
    public record Batch(long id, String agency, String status, String file, int messages, Instant createdAt,
            Instant writtenAt) {
    }

    private final Agencies agencies;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final ObjectMapper json;
    private final Clock clock;

    AgencyExports(Agencies agencies, JdbcClient jdbc, TransactionTemplate transaction, ObjectMapper json, Clock clock) {
        this.agencies = agencies;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.json = json;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${purreflyt.collection.export-interval:PT5M}",
            initialDelayString = "${purreflyt.collection.export-interval:PT5M}")
    void scheduled() {
        exportNow();
    }

    /**
     * Claims every FILE agency's unbatched messages into batches and writes every WRITING batch's file. Answers the
     * batches this run wrote; one it could not write stays WRITING (the log says why) and is tried again next time.
     */
    public List<Batch> exportNow() {
        List<Long> claimed = transaction.execute(status -> claim());
        List<Batch> written = new ArrayList<>();
        for (long id : jdbc.sql("select id from agency_export_batch where status = 'WRITING' order by id")
                .query(Long.class).list()) {
            write(id).ifPresent(written::add);
        }
        if (!claimed.isEmpty() || !written.isEmpty()) {
            log.info("Agency export: {} new batch(es), {} file(s) written", claimed.size(), written.size());
        }
        return written;
    }

    /** The most recent batches first. */
    public List<Batch> recent(int limit) {
        return jdbc.sql("select * from agency_export_batch order by id desc fetch first :n rows only")
                .param("n", limit).query(AgencyExports::batch).list();
    }

    // ---- step 1: batches claim their messages

    private List<Long> claim() {
        List<Long> batches = new ArrayList<>();
        List<String> waiting = jdbc.sql("select distinct agency from agency_export_message where batch_id is null")
                .query(String.class).list();
        for (String name : waiting) {
            Optional<Agency> agency = agencies.find(name).filter(a -> a.connector() == Connector.FILE);
            if (agency.isEmpty()) {
                log.warn("Messages for agency '{}' wait for export, but no FILE agency of that name is configured in "
                        + "purreflyt.collection.agencies; they stay until it is", name);
                continue;
            }
            OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
            // the id comes first so that the file name can carry it; the name is fixed here, so a rewrite keeps it
            KeyHolder key = new GeneratedKeyHolder();
            jdbc.sql("""
                    insert into agency_export_batch (agency, status, file_name, messages, created_at)
                    values (:agency, 'WRITING', :placeholder, 0, :now)""")
                    .param("agency", name)
                    // unique until the id is known and the real name replaces it, in this same transaction
                    .param("placeholder", "claiming-" + UUID.randomUUID())
                    .param("now", now)
                    .update(key, "id");
            long id = key.getKeyAs(Number.class).longValue();
            int messages = jdbc.sql("update agency_export_message set batch_id = :b where batch_id is null and agency = :a")
                    .param("b", id).param("a", name).update();
            if (messages == 0) {
                // another node claimed them between our look and our update
                jdbc.sql("delete from agency_export_batch where id = :b").param("b", id).update();
                continue;
            }
            String file = BatchFiles.fileName(name, id, agency.get().format());
            jdbc.sql("update agency_export_batch set file_name = :f, messages = :m where id = :b")
                    .param("f", file).param("m", messages).param("b", id).update();
            log.info("Batch {} of agency {}: {} message(s), to be written as {}", id, name, messages, file);
            batches.add(id);
        }
        return batches;
    }

    // ---- step 2: a batch's file, then WRITTEN

    /**
     * Writes one WRITING batch. The batch row stays locked while its file is written, so a second node waits and then
     * finds it WRITTEN instead of writing the same part file at the same time.
     */
    Optional<Batch> write(long id) {
        try {
            return transaction.execute(status -> {
                Batch batch = jdbc.sql("select * from agency_export_batch where id = :b for update")
                        .param("b", id).query(AgencyExports::batch).optional().orElse(null);
                if (batch == null || !"WRITING".equals(batch.status())) {
                    return Optional.<Batch>empty();
                }
                Agency agency = agencies.find(batch.agency()).filter(a -> a.connector() == Connector.FILE)
                        .orElseThrow(() -> new IllegalStateException("Batch " + id + " is for agency '" + batch.agency()
                                + "', which is not a FILE agency in purreflyt.collection.agencies; it stays WRITING"));
                Path target = agency.directory().resolve(batch.file());
                BatchFiles.Content content = new BatchFiles.Content(id, batch.agency(), batch.createdAt(),
                        jdbc.sql("select payload from agency_export_message where batch_id = :b order by id")
                                .param("b", id).query(String.class).list());
                try {
                    AtomicFiles.write(target, out -> BatchFiles.write(content, BatchFiles.formatOf(batch.file()), json, out));
                } catch (IOException e) {
                    throw new UncheckedIOException("Batch " + id + " of agency " + batch.agency()
                            + " could not be written to " + target.toAbsolutePath() + " (" + e + "); it stays WRITING", e);
                }
                // as the database keeps it, so the answer and a later GET agree
                Instant writtenAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
                jdbc.sql("update agency_export_batch set status = 'WRITTEN', written_at = :t where id = :b")
                        .param("t", OffsetDateTime.ofInstant(writtenAt, ZoneOffset.UTC)).param("b", id).update();
                log.info("Batch {} of agency {} written: {} message(s) in {}", id, batch.agency(), batch.messages(),
                        target.toAbsolutePath());
                return Optional.of(new Batch(id, batch.agency(), "WRITTEN", batch.file(), batch.messages(),
                        batch.createdAt(), writtenAt));
            });
        } catch (UncheckedIOException | IllegalStateException expected) {
            // an operator's matter (directory, configuration): the sentence says it; the next run tries again
            log.error("Agency export: {}", expected.getMessage());
            return Optional.empty();
        } catch (RuntimeException failed) {
            log.error("Agency export: batch {} could not be written; it stays WRITING", id, failed);
            return Optional.empty();
        }
    }

    private static Batch batch(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        OffsetDateTime written = rs.getObject("written_at", OffsetDateTime.class);
        return new Batch(rs.getLong("id"), rs.getString("agency"), rs.getString("status"), rs.getString("file_name"),
                rs.getInt("messages"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                written == null ? null : written.toInstant());
    }
}

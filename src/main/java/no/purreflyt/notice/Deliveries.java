package no.purreflyt.notice;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The notice_delivery table: how each notice went out. The e-mail's states are written in transactions of their own
 * (REQUIRES_NEW), so that they stay on record when the delivery's own transaction rolls back and the job is retried:
 * SENDING with the Message-ID before the message goes to the relay, SENT once the relay has taken it.
 */
@Repository
class Deliveries {

    enum State { SENDING, SENT, FAILED, REJECTED, QUEUED, PRINTED }

    record Delivery(long noticeId, String channel, State state, String recipient, String messageId, int attempts,
            String lastError, Instant updatedAt, LocalDate printDate, Instant printedAt, String printedBy) {
    }

    private final JdbcClient jdbc;

    Deliveries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Delivery> find(long noticeId) {
        return jdbc.sql("select * from notice_delivery where notice_id = :id").param("id", noticeId)
                .query(Deliveries::map).optional();
    }

    /** Before the hand-off: this attempt's Message-ID and recipient. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void sending(long noticeId, String recipient, String messageId, Instant now) {
        int updated = jdbc.sql("""
                update notice_delivery set channel = 'EMAIL', state = 'SENDING', recipient = :to, message_id = :mid,
                    attempts = attempts + 1, last_error = null, updated_at = :now
                where notice_id = :id and state in ('FAILED', 'REJECTED')""")
                .param("to", recipient).param("mid", messageId).param("now", utc(now)).param("id", noticeId).update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into notice_delivery (notice_id, channel, state, recipient, message_id, attempts, updated_at)
                    values (:id, 'EMAIL', 'SENDING', :to, :mid, 1, :now)""")
                    .param("to", recipient).param("mid", messageId).param("now", utc(now)).param("id", noticeId)
                    .update();
        }
    }

    /** After the hand-off (SENT), or after an attempt that did not hand the message over (FAILED, REJECTED). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void outcome(long noticeId, State state, String error, Instant now) {
        jdbc.sql("update notice_delivery set state = :state, last_error = :error, updated_at = :now where notice_id = :id")
                .param("state", state.name()).param("error", truncate(error)).param("now", utc(now))
                .param("id", noticeId).update();
    }

    /** A letter by post joins the print run of its day (in the delivery's own transaction: nothing left the house). */
    void queue(long noticeId, LocalDate printDate, Instant now) {
        int updated = jdbc.sql("""
                update notice_delivery set channel = 'POST', state = 'QUEUED', recipient = null, message_id = null,
                    print_date = :day, last_error = null, updated_at = :now
                where notice_id = :id""")
                .param("day", printDate).param("now", utc(now)).param("id", noticeId).update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into notice_delivery (notice_id, channel, state, print_date, updated_at)
                    values (:id, 'POST', 'QUEUED', :day, :now)""")
                    .param("day", printDate).param("now", utc(now)).param("id", noticeId).update();
        }
    }

    /** The letters of a day's print run, in the order they were queued; locked until the run is marked printed. */
    List<Delivery> printRun(LocalDate day) {
        return jdbc.sql("""
                select * from notice_delivery where channel = 'POST' and print_date = :day
                    and state in ('QUEUED', 'PRINTED')
                order by updated_at, notice_id for update""")
                .param("day", day).query(Deliveries::map).list();
    }

    void printed(List<Long> noticeIds, String by, Instant now) {
        if (noticeIds.isEmpty()) {
            return;
        }
        jdbc.sql("""
                update notice_delivery set state = 'PRINTED', printed_at = :now, printed_by = :by, updated_at = :now
                where notice_id in (:ids) and state = 'QUEUED'""")
                .param("now", utc(now)).param("by", by).param("ids", noticeIds).update();
    }

    private static Delivery map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        OffsetDateTime printed = rs.getObject("printed_at", OffsetDateTime.class);
        return new Delivery(rs.getLong("notice_id"), rs.getString("channel"), State.valueOf(rs.getString("state")),
                rs.getString("recipient"), rs.getString("message_id"), rs.getInt("attempts"), rs.getString("last_error"),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant(), rs.getObject("print_date", LocalDate.class),
                printed == null ? null : printed.toInstant(), rs.getString("printed_by"));
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 1000 ? text : text.substring(0, 997) + "...";
    }

    private static OffsetDateTime utc(Instant now) {
        return OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
    }
}

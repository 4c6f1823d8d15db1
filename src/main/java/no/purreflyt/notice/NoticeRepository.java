package no.purreflyt.notice;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import no.purreflyt.rules.NoticeKind;
import no.purreflyt.rules.StepKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The notice table. */
@Repository
class NoticeRepository {

    /** The figures of a notice on its sending day. */
    record Amounts(LocalDate sendDate, LocalDate deadline, String currency, BigDecimal principal, BigDecimal interest,
            BigDecimal earlierFees, BigDecimal fee, BigDecimal compensation, BigDecimal total, String feeRule,
            String feeReason) {
    }

    /** What the step column holds for the interest invoice, which is no step of a plan (read back as null). */
    private static final String INTEREST_INVOICE_STEP_KIND = NoticeKind.INTEREST_INVOICE.name();

    private final JdbcClient jdbc;

    NoticeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Notice> find(long id) {
        return jdbc.sql("select * from notice where id = :id").param("id", id).query(NoticeRepository::map).optional();
    }

    /** Reads and locks the notice: a delivery and a second delivery of the same notice run one after the other. */
    Optional<Notice> lock(long id) {
        return jdbc.sql("select * from notice where id = :id for update").param("id", id)
                .query(NoticeRepository::map).optional();
    }

    Optional<Notice> ofStep(long caseId, int planStep) {
        return jdbc.sql("select * from notice where case_id = :c and plan_step = :s")
                .param("c", caseId).param("s", planStep).query(NoticeRepository::map).optional();
    }

    List<Notice> ofCase(long caseId) {
        // the interest invoice (a negative plan step) after the plan's steps: it is the last letter of a case
        return jdbc.sql("select * from notice where case_id = :c order by plan_step < 0, plan_step").param("c", caseId)
                .query(NoticeRepository::map).list();
    }

    int nextSequence(long caseId, NoticeKind kind) {
        return jdbc.sql("select coalesce(max(sequence), 0) + 1 from notice where case_id = :c and kind = :k")
                .param("c", caseId).param("k", kind.name()).query(Integer.class).single();
    }

    long insert(long caseId, int planStep, StepKind step, NoticeKind kind, Integer sequence, NoticeStatus status,
            Amounts a, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        bind(jdbc.sql("""
                insert into notice (case_id, plan_step, step, kind, sequence, status, send_date, deadline, currency,
                    principal, interest, earlier_fees, fee, compensation, total, fee_rule, fee_reason, prepared_at)
                values (:caseId, :planStep, :step, :kind, :sequence, :status, :sendDate, :deadline, :currency,
                    :principal, :interest, :earlierFees, :fee, :compensation, :total, :feeRule, :feeReason, :now)"""), a, now)
                .param("caseId", caseId)
                .param("planStep", planStep)
                .param("step", step.name())
                .param("kind", kind.name())
                .param("sequence", sequence)
                .param("status", status.name())
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /**
     * Inserts the case's interest invoice, prepared: no step of the plan (its step column names the notice kind), the
     * first and only of its kind. Answers empty when the case has one already (a second caller at the same time waits
     * for the first one's transaction and then finds its notice).
     */
    Optional<Long> insertInterestInvoice(long caseId, Amounts a, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        int inserted = bind(jdbc.sql("""
                insert into notice (case_id, plan_step, step, kind, sequence, status, send_date, deadline, currency,
                    principal, interest, earlier_fees, fee, compensation, total, fee_rule, fee_reason, prepared_at)
                values (:caseId, :planStep, :step, :kind, 1, 'PREPARED', :sendDate, :deadline, :currency,
                    :principal, :interest, :earlierFees, :fee, :compensation, :total, :feeRule, :feeReason, :now)
                on conflict (case_id, plan_step) do nothing"""), a, now)
                .param("caseId", caseId)
                .param("planStep", Notice.INTEREST_INVOICE_STEP)
                .param("step", INTEREST_INVOICE_STEP_KIND)
                .param("kind", NoticeKind.INTEREST_INVOICE.name())
                .update(keys, "id");
        return inserted == 0 ? Optional.empty() : Optional.of(keys.getKeyAs(Number.class).longValue());
    }

    /**
     * Gives a case's notices new positions in its plan (a move to another version). In two passes, through positions no
     * notice has (minus its id), so that no two notices of the case hold one position in between.
     */
    void moveSteps(long caseId, java.util.Map<Long, Integer> steps) {
        for (Long id : steps.keySet()) {
            jdbc.sql("update notice set plan_step = :s where id = :id and case_id = :c").param("s", -id.intValue() - 1)
                    .param("id", id).param("c", caseId).update();
        }
        for (java.util.Map.Entry<Long, Integer> step : steps.entrySet()) {
            jdbc.sql("update notice set plan_step = :s where id = :id and case_id = :c").param("s", step.getValue())
                    .param("id", step.getKey()).param("c", caseId).update();
        }
    }

    /** Prepares a notice again (on a later day, after a postponement or a pause): new figures, no review yet. */
    void refresh(long id, Amounts a, Instant now) {
        bind(jdbc.sql("""
                update notice set send_date = :sendDate, deadline = :deadline, currency = :currency,
                    principal = :principal, interest = :interest, earlier_fees = :earlierFees, fee = :fee,
                    fee_waived = false, compensation = :compensation, total = :total, fee_rule = :feeRule,
                    fee_reason = :feeReason, review_decision = null, reviewed_by = null, review_note = null,
                    prepared_at = :now
                where id = :id and status = 'PREPARED'"""), a, now)
                .param("id", id)
                .update();
    }

    void skip(long id, String rule, String reason) {
        jdbc.sql("update notice set status = 'SKIPPED', sequence = null, fee = 0, fee_rule = :rule, fee_reason = :reason where id = :id")
                .param("rule", rule).param("reason", reason).param("id", id).update();
    }

    void review(long id, ReviewDecision decision, String by, String note, NoticeStatus status) {
        jdbc.sql("""
                update notice set review_decision = :decision, reviewed_by = :by, review_note = :note, status = :status
                where id = :id""")
                .param("decision", decision.name()).param("by", by).param("note", note).param("status", status.name())
                .param("id", id).update();
    }

    void waiveFee(long id, BigDecimal compensation, BigDecimal total) {
        jdbc.sql("update notice set fee = 0, fee_waived = true, compensation = :compensation, total = :total where id = :id")
                .param("compensation", compensation).param("total", total).param("id", id).update();
    }

    /** The claim a prepared notice states, worked out again; its dates, fee and review stay as they are. */
    void restate(long id, Amounts a) {
        jdbc.sql("""
                update notice set principal = :principal, interest = :interest, earlier_fees = :earlierFees,
                    compensation = :compensation, total = :total
                where id = :id and status = 'PREPARED'""")
                .param("principal", a.principal()).param("interest", a.interest()).param("earlierFees", a.earlierFees())
                .param("compensation", a.compensation()).param("total", a.total()).param("id", id).update();
    }

    void delivered(long id, String channel, Instant now) {
        jdbc.sql("update notice set status = 'DELIVERED', channel = :channel, delivered_at = :now where id = :id")
                .param("channel", channel).param("now", utc(now)).param("id", id).update();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec sql, Amounts a, Instant now) {
        return sql.param("sendDate", a.sendDate())
                .param("deadline", a.deadline())
                .param("currency", a.currency())
                .param("principal", a.principal())
                .param("interest", a.interest())
                .param("earlierFees", a.earlierFees())
                .param("fee", a.fee())
                .param("compensation", a.compensation())
                .param("total", a.total())
                .param("feeRule", a.feeRule())
                .param("feeReason", truncate(a.feeReason()))
                .param("now", utc(now));
    }

    private static Notice map(ResultSet rs, int row) throws SQLException {
        String decision = rs.getString("review_decision");
        OffsetDateTime delivered = rs.getObject("delivered_at", OffsetDateTime.class);
        return new Notice(
                rs.getLong("id"),
                rs.getLong("case_id"),
                rs.getInt("plan_step"),
                INTEREST_INVOICE_STEP_KIND.equals(rs.getString("step")) ? null : StepKind.valueOf(rs.getString("step")),
                NoticeKind.valueOf(rs.getString("kind")),
                (Integer) rs.getObject("sequence", Integer.class),
                NoticeStatus.valueOf(rs.getString("status")),
                rs.getObject("send_date", LocalDate.class),
                rs.getObject("deadline", LocalDate.class),
                rs.getString("currency"),
                rs.getBigDecimal("principal"),
                rs.getBigDecimal("interest"),
                rs.getBigDecimal("earlier_fees"),
                rs.getBigDecimal("fee"),
                rs.getBoolean("fee_waived"),
                rs.getBigDecimal("compensation"),
                rs.getBigDecimal("total"),
                rs.getString("fee_rule"),
                rs.getString("fee_reason"),
                decision == null ? null : ReviewDecision.valueOf(decision),
                rs.getString("reviewed_by"),
                rs.getString("review_note"),
                rs.getString("channel"),
                rs.getObject("prepared_at", OffsetDateTime.class).toInstant(),
                delivered == null ? null : delivered.toInstant());
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 1000 ? text : text.substring(0, 997) + "...";
    }

    private static OffsetDateTime utc(Instant now) {
        return OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
    }
}

package no.purreflyt.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The dunning_case table, and the eligibility query of the case starter. */
@Repository
class DunningCaseRepository {

    private static final String ELIGIBLE = """
            i.due_date < :dueBefore
            and i.outstanding > :minimum
            and not i.excluded
            and (not c.dunning_blocked or (c.dunning_blocked_until is not null and c.dunning_blocked_until < :today))
            and not exists (select 1 from dunning_case d where d.invoice_id = i.id)""";

    private final JdbcClient jdbc;

    DunningCaseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<String> candidates(DunningCriteria criteria) {
        return jdbc.sql("select i.number from invoice i join customer c on c.id = i.customer_id where " + ELIGIBLE
                        + " order by i.due_date, i.number")
                .param("dueBefore", criteria.dueBefore())
                .param("minimum", criteria.minimumAmount())
                .param("today", criteria.today())
                .query(String.class).list();
    }

    /**
     * Locks the invoice row and answers its id if it is still eligible. Payments lock the same row, so a
     * payment that settles the invoice either comes before (and the invoice is no longer eligible) or
     * after (and finds the case to correlate to).
     */
    Optional<Long> lockIfEligible(String number, DunningCriteria criteria) {
        Optional<Long> id = jdbc.sql("select id from invoice where number = :n for update").param("n", number)
                .query(Long.class).optional();
        if (id.isEmpty()) {
            return id;
        }
        return jdbc.sql("select i.id from invoice i join customer c on c.id = i.customer_id where i.id = :id and " + ELIGIBLE)
                .param("id", id.get())
                .param("dueBefore", criteria.dueBefore())
                .param("minimum", criteria.minimumAmount())
                .param("today", criteria.today())
                .query(Long.class).optional();
    }

    long insertOpen(long invoiceId, String stage, DunningCases.PlanReference plan, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into dunning_case (invoice_id, open_invoice_id, status, stage, plan_json, plan_key, plan_version,
                    plan_selected_by, opened_at)
                values (:invoiceId, :invoiceId, 'OPEN', :stage, :plan, :key, :version, :selectedBy, :now)""")
                .param("invoiceId", invoiceId)
                .param("stage", stage)
                .param("plan", plan.snapshot())
                .param("key", plan.key())
                .param("version", plan.version())
                .param("selectedBy", plan.selectedBy())
                .param("now", utc(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    int movePlan(long caseId, DunningCases.PlanReference plan) {
        return jdbc.sql("""
                update dunning_case set plan_json = :plan, plan_key = :key, plan_version = :version,
                    plan_selected_by = :selectedBy
                where id = :id and status = 'OPEN'""")
                .param("plan", plan.snapshot()).param("key", plan.key()).param("version", plan.version())
                .param("selectedBy", plan.selectedBy()).param("id", caseId).update();
    }

    void recordWriteOff(long caseId, java.math.BigDecimal amount) {
        jdbc.sql("update dunning_case set written_off = :amount where id = :id").param("amount", amount)
                .param("id", caseId).update();
    }

    void attachProcessInstance(long caseId, String processInstanceId) {
        jdbc.sql("update dunning_case set process_instance_id = :pi where id = :id")
                .param("pi", processInstanceId).param("id", caseId).update();
    }

    int close(long caseId, CaseOutcome outcome, String stage, String note, Instant now) {
        return jdbc.sql("""
                update dunning_case set status = 'CLOSED', open_invoice_id = null, outcome = :outcome, stage = :stage,
                    closing_note = :note, closed_at = :now
                where id = :id and status = 'OPEN'""")
                .param("outcome", outcome.name())
                .param("stage", stage)
                // notes quote what people and agencies wrote: keep what fits rather than fail the closing
                .param("note", note == null || note.length() <= 1000 ? note : note.substring(0, 999) + "…")
                .param("now", utc(now))
                .param("id", caseId)
                .update();
    }

    int setStage(long caseId, String stage) {
        return jdbc.sql("update dunning_case set stage = :stage where id = :id and status = 'OPEN'")
                .param("stage", stage).param("id", caseId).update();
    }

    Optional<String> planSnapshot(long caseId) {
        return jdbc.sql("select plan_json from dunning_case where id = :id").param("id", caseId)
                .query((rs, i) -> Optional.ofNullable(rs.getString(1))).optional().flatMap(p -> p);
    }

    Optional<DunningCase> find(long caseId) {
        return jdbc.sql(SELECT + " where d.id = :id").param("id", caseId).query(DunningCaseRepository::map).optional();
    }

    Optional<DunningCase> lockOpen(long caseId) {
        Optional<Long> locked = jdbc.sql("select id from dunning_case where id = :id and status = 'OPEN' for update")
                .param("id", caseId).query(Long.class).optional();
        return locked.flatMap(this::find);
    }

    /** The open cases following a plan (any version), oldest first. */
    java.util.List<DunningCase> openOnPlan(String planKey) {
        return jdbc.sql(SELECT + " where d.status = 'OPEN' and d.plan_key = :key order by d.id")
                .param("key", planKey).query(DunningCaseRepository::map).list();
    }

    /** The invoice's open case, or else its most recent one. */
    Optional<DunningCase> latestOf(String invoiceNumber) {
        return jdbc.sql(SELECT + " where i.number = :n order by d.opened_at desc, d.id desc")
                .param("n", invoiceNumber).query(DunningCaseRepository::map).list().stream().findFirst();
    }

    private static final String SELECT = """
            select d.*, i.number as invoice_number from dunning_case d join invoice i on i.id = d.invoice_id""";

    private static DunningCase map(ResultSet rs, int row) throws SQLException {
        String outcome = rs.getString("outcome");
        OffsetDateTime closedAt = rs.getObject("closed_at", OffsetDateTime.class);
        return new DunningCase(
                rs.getLong("id"),
                rs.getString("invoice_number"),
                rs.getString("status"),
                rs.getString("stage"),
                outcome == null ? null : CaseOutcome.valueOf(outcome),
                rs.getString("process_instance_id"),
                rs.getString("closing_note"),
                rs.getObject("opened_at", OffsetDateTime.class).toInstant(),
                closedAt == null ? null : closedAt.toInstant(),
                rs.getString("plan_key"),
                (Integer) rs.getObject("plan_version", Integer.class),
                rs.getString("plan_selected_by"),
                rs.getBigDecimal("written_off"));
    }

    private static OffsetDateTime utc(Instant now) {
        return OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
    }
}

package no.purreflyt.collection;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
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
 * The handover rows: one per case that went to a collection agency, with what it handed over, the last day it can be
 * taken back at no cost, and how the collection ended.
 */
@Repository
public class Handovers {

    /** READY: recorded; SENT: the agency's connector took it; then WITHDRAWN, COLLECTED or CLOSED_UNPAID. */
    public enum Status {
        READY, SENT, WITHDRAWN, COLLECTED, CLOSED_UNPAID;

        /** Whether the agency holds the claim (so the creditor may not credit it, and payments are the agency's). */
        public boolean withAgency() {
            return this == READY || this == SENT;
        }
    }

    /**
     * A case's handover.
     *
     * @param principal    the principal outstanding on the day of the handover
     * @param fees         the fees and compensation the case's notices charged that were not paid on that day
     * @param windowEndsOn the last day a credit controller can take the claim back at no cost
     */
    public record Handover(long caseId, String invoiceNumber, Status status, BigDecimal principal, BigDecimal fees,
            String currency, String agency, LocalDate windowEndsOn, Instant handedOverAt, Instant closedAt,
            String closedBy, String closingNote) {

        /** What went to the agency: the principal and the unpaid fees. */
        public BigDecimal claimed() {
            return principal.add(fees);
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    Handovers(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records a case's handover as READY once; a retried job finds the row and records nothing new. */
    @Transactional(propagation = Propagation.MANDATORY)
    Handover record(long caseId, String agency, BigDecimal principal, BigDecimal fees, String currency,
            LocalDate windowEndsOn) {
        Optional<Handover> existing = find(caseId);
        if (existing.isPresent()) {
            return existing.get();
        }
        jdbc.sql("""
                insert into handover (case_id, status, principal, fees, currency, agency, window_ends_on, handed_over_at)
                values (:caseId, 'READY', :principal, :fees, :currency, :agency, :windowEndsOn, :now)""")
                .param("caseId", caseId)
                .param("principal", principal)
                .param("fees", fees)
                .param("currency", currency)
                .param("agency", agency)
                .param("windowEndsOn", windowEndsOn)
                .param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .update();
        return find(caseId).orElseThrow();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void sent(long caseId) {
        jdbc.sql("update handover set status = 'SENT' where case_id = :c and status = 'READY'").param("c", caseId).update();
    }

    /** Ends the collection of a case that is with the agency; false when it no longer was. */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean close(long caseId, Status status, String by, String note) {
        return jdbc.sql("""
                update handover set status = :status, closed_at = :now, closed_by = :by, closing_note = :note
                where case_id = :c and status in ('READY', 'SENT')""")
                .param("status", status.name())
                .param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .param("by", by)
                .param("note", note == null ? null : note.length() > 1000 ? note.substring(0, 1000) : note)
                .param("c", caseId)
                .update() == 1;
    }

    @Transactional(readOnly = true)
    public Optional<Handover> find(long caseId) {
        return jdbc.sql(SELECT + " where h.case_id = :c").param("c", caseId).query(Handovers::row).optional();
    }

    /** The handover of the invoice's open case, if the case has gone to an agency. */
    @Transactional(readOnly = true)
    public Optional<Handover> ofOpenCase(String invoiceNumber) {
        return jdbc.sql(SELECT + " where c.status = 'OPEN' and i.number = :n").param("n", invoiceNumber)
                .query(Handovers::row).optional();
    }

    /** Locks the handover of the invoice's open case for the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<Handover> lockOfOpenCase(String invoiceNumber) {
        return lock("""
                select h.case_id from handover h join dunning_case c on c.id = h.case_id
                join invoice i on i.id = c.invoice_id where c.status = 'OPEN' and i.number = :n""", invoiceNumber);
    }

    /** Locks the invoice's latest handover, whether its collection goes on or has ended. */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<Handover> lockLatest(String invoiceNumber) {
        return lock("""
                select h.case_id from handover h join dunning_case c on c.id = h.case_id
                join invoice i on i.id = c.invoice_id where i.number = :n order by h.id desc""", invoiceNumber);
    }

    private Optional<Handover> lock(String query, String invoiceNumber) {
        List<Long> ids = jdbc.sql(query).param("n", invoiceNumber).query(Long.class).list();
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        jdbc.sql("select case_id from handover where case_id = :c for update").param("c", ids.get(0)).query(Long.class).list();
        return find(ids.get(0));
    }

    private static final String SELECT = """
            select h.case_id, i.number, h.status, h.principal, h.fees, h.currency, h.agency, h.window_ends_on,
                   h.handed_over_at, h.closed_at, h.closed_by, h.closing_note
            from handover h join dunning_case c on c.id = h.case_id join invoice i on i.id = c.invoice_id""";

    private static Handover row(ResultSet rs, int n) throws SQLException {
        return new Handover(rs.getLong("case_id"), rs.getString("number"), Status.valueOf(rs.getString("status")),
                rs.getBigDecimal("principal"), rs.getBigDecimal("fees"), rs.getString("currency"), rs.getString("agency"),
                rs.getObject("window_ends_on", LocalDate.class), instant(rs, "handed_over_at"), instant(rs, "closed_at"),
                rs.getString("closed_by"), rs.getString("closing_note"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}

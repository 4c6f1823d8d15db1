package no.purreflyt.ledger;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Invoices, payments and credit notes; the outstanding balance moves in the same statement as each entry. */
@Repository
class InvoiceRepository {

    /** The invoice row as the ledger needs it to decide on a payment or credit note. */
    record Row(long id, String number, String currency, BigDecimal outstanding) {
    }

    private final JdbcClient jdbc;

    InvoiceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean exists(String number) {
        return jdbc.sql("select count(*) from invoice where number = :n").param("n", number).query(Long.class).single() > 0;
    }

    /** Reads and locks the invoice row: payments and credit notes on one invoice are applied one at a time. */
    void setExcluded(long id, boolean excluded) {
        jdbc.sql("update invoice set excluded = :e where id = :id").param("e", excluded).param("id", id).update();
    }

    /** The stage of the invoice's open dunning case, if it has one. */
    Optional<String> openCaseStage(long id) {
        return jdbc.sql("select stage from dunning_case where invoice_id = :id and status = 'OPEN'").param("id", id)
                .query(String.class).optional();
    }

    Optional<Row> lock(String number) {
        return jdbc.sql("select id, number, currency, outstanding from invoice where number = :n for update")
                .param("n", number)
                .query((rs, i) -> new Row(rs.getLong("id"), rs.getString("number"), rs.getString("currency"),
                        rs.getBigDecimal("outstanding")))
                .optional();
    }

    void insert(long customerId, InvoiceRequest r, Instant now) {
        jdbc.sql("""
                insert into invoice (number, customer_id, issue_date, due_date, amount, currency, kid, excluded,
                    paid_amount, credited_amount, outstanding, created_at)
                values (:number, :customerId, :issueDate, :dueDate, :amount, :currency, :kid, :excluded, 0, 0, :amount, :now)""")
                .param("number", r.number())
                .param("customerId", customerId)
                .param("issueDate", r.issueDate())
                .param("dueDate", r.dueDate())
                .param("amount", r.amount())
                .param("currency", r.currency())
                .param("kid", r.kid())
                .param("excluded", Boolean.TRUE.equals(r.excluded()))
                .param("now", utc(now))
                .update();
    }

    /** A payment or credit note already recorded under an externalId. */
    record Entry(String externalId, String invoiceNumber, BigDecimal amount, LocalDate date) {
    }

    Optional<Entry> findPayment(String externalId) {
        return jdbc.sql("""
                select p.external_id, i.number, p.amount, p.paid_on as entry_date
                from payment p join invoice i on i.id = p.invoice_id where p.external_id = :e""")
                .param("e", externalId).query(InvoiceRepository::entry).optional();
    }

    Optional<Entry> findCreditNote(String externalId) {
        return jdbc.sql("""
                select c.external_id, i.number, c.amount, c.credit_date as entry_date
                from credit_note c join invoice i on i.id = c.invoice_id where c.external_id = :e""")
                .param("e", externalId).query(InvoiceRepository::entry).optional();
    }

    private static Entry entry(ResultSet rs, int row) throws SQLException {
        return new Entry(rs.getString("external_id"), rs.getString("number"), rs.getBigDecimal("amount"),
                rs.getObject("entry_date", LocalDate.class));
    }

    /** The payments the accounting system reported (not the agency's) that were recorded at or after the moment. */
    List<Invoice.Payment> directPaymentsSince(String number, Instant since) {
        return jdbc.sql("""
                select p.external_id, p.amount, p.currency, p.paid_on, p.reference from payment p
                join invoice i on i.id = p.invoice_id
                where i.number = :n and not p.by_agency and p.received_at >= :since order by p.received_at, p.id""")
                .param("n", number).param("since", utc(since))
                .query((rs, row) -> new Invoice.Payment(rs.getString("external_id"), rs.getBigDecimal("amount"),
                        rs.getString("currency"), rs.getObject("paid_on", java.time.LocalDate.class),
                        rs.getString("reference")))
                .list();
    }

    /** Records the payment and lowers the outstanding balance; answers the new balance. */
    BigDecimal addPayment(Row invoice, PaymentRequest p, boolean byAgency, Instant now) {
        jdbc.sql("""
                insert into payment (invoice_id, external_id, amount, currency, paid_on, reference, received_at, by_agency)
                values (:invoiceId, :externalId, :amount, :currency, :paidOn, :reference, :now, :byAgency)""")
                .param("invoiceId", invoice.id())
                .param("byAgency", byAgency)
                .param("externalId", p.externalId())
                .param("amount", p.amount())
                .param("currency", invoice.currency())
                .param("paidOn", p.paidOn())
                .param("reference", p.reference())
                .param("now", utc(now))
                .update();
        jdbc.sql("update invoice set paid_amount = paid_amount + :a, outstanding = outstanding - :a where id = :id")
                .param("a", p.amount()).param("id", invoice.id()).update();
        return outstanding(invoice.id());
    }

    BigDecimal addCreditNote(Row invoice, CreditNoteRequest c, Instant now) {
        jdbc.sql("""
                insert into credit_note (invoice_id, external_id, amount, currency, credit_date, reason, received_at)
                values (:invoiceId, :externalId, :amount, :currency, :date, :reason, :now)""")
                .param("invoiceId", invoice.id())
                .param("externalId", c.externalId())
                .param("amount", c.amount())
                .param("currency", invoice.currency())
                .param("date", c.date())
                .param("reason", c.reason())
                .param("now", utc(now))
                .update();
        jdbc.sql("update invoice set credited_amount = credited_amount + :a, outstanding = outstanding - :a where id = :id")
                .param("a", c.amount()).param("id", invoice.id()).update();
        return outstanding(invoice.id());
    }

    Optional<Invoice> find(String number) {
        return jdbc.sql("""
                select i.*, c.external_id as customer_external_id, c.name as customer_name
                from invoice i join customer c on c.id = i.customer_id where i.number = :n""")
                .param("n", number)
                .query((rs, row) -> map(rs))
                .optional();
    }

    private Invoice map(ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        List<Invoice.Payment> payments = jdbc.sql("""
                select external_id, amount, currency, paid_on, reference from payment where invoice_id = :id order by paid_on, id""")
                .param("id", id)
                .query((p, i) -> new Invoice.Payment(p.getString("external_id"), p.getBigDecimal("amount"),
                        p.getString("currency"), p.getObject("paid_on", LocalDate.class), p.getString("reference")))
                .list();
        List<Invoice.CreditNote> creditNotes = jdbc.sql("""
                select external_id, amount, currency, credit_date, reason from credit_note where invoice_id = :id order by credit_date, id""")
                .param("id", id)
                .query((c, i) -> new Invoice.CreditNote(c.getString("external_id"), c.getBigDecimal("amount"),
                        c.getString("currency"), c.getObject("credit_date", LocalDate.class), c.getString("reason")))
                .list();
        return new Invoice(
                rs.getString("number"),
                rs.getString("customer_external_id"),
                rs.getString("customer_name"),
                rs.getObject("issue_date", LocalDate.class),
                rs.getObject("due_date", LocalDate.class),
                rs.getBigDecimal("amount"),
                rs.getString("currency"),
                rs.getString("kid"),
                rs.getBoolean("excluded"),
                rs.getBigDecimal("paid_amount"),
                rs.getBigDecimal("credited_amount"),
                rs.getBigDecimal("outstanding"),
                payments,
                creditNotes);
    }

    private BigDecimal outstanding(long id) {
        return jdbc.sql("select outstanding from invoice where id = :id").param("id", id).query(BigDecimal.class).single();
    }

    private static OffsetDateTime utc(Instant now) {
        return OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
    }
}

package no.purreflyt.ledger;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import no.purreflyt.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The original invoice as a PDF, uploaded by the accounting system, attached to the e-mails of its notices. */
@Service
public class InvoiceDocuments {

    /** At most 10 MB: a mail relay refuses larger messages long before that. */
    static final int MAX_BYTES = 10 * 1024 * 1024;

    public record Document(String invoiceNumber, String filename, byte[] content, String uploadedBy, Instant uploadedAt) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    InvoiceDocuments(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Stores (or replaces) the invoice's document; refuses what is not a PDF. */
    @Transactional
    public Document upload(String number, byte[] content, String by) {
        long invoiceId = jdbc.sql("select id from invoice where number = :n").param("n", number).query(Long.class)
                .optional().orElseThrow(() -> ProblemException.notFound("No invoice with number " + number));
        if (content.length == 0 || content.length > MAX_BYTES) {
            throw ProblemException.invalid("document", "the invoice document must be a PDF of 1 byte to 10 MB; this "
                    + "one has " + content.length + " bytes");
        }
        if (!new String(content, 0, Math.min(5, content.length), java.nio.charset.StandardCharsets.ISO_8859_1)
                .equals("%PDF-")) {
            throw ProblemException.invalid("document", "the invoice document must be a PDF (it does not begin with %PDF-)");
        }
        String filename = "Faktura-" + number.replaceAll("[^A-Za-z0-9._-]", "_") + ".pdf";
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        int updated = jdbc.sql("""
                update invoice_document set filename = :f, content = :c, uploaded_by = :by, uploaded_at = :now
                where invoice_id = :id""")
                .param("f", filename).param("c", content).param("by", by).param("now", now).param("id", invoiceId)
                .update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into invoice_document (invoice_id, filename, content, uploaded_by, uploaded_at)
                    values (:id, :f, :c, :by, :now)""")
                    .param("f", filename).param("c", content).param("by", by).param("now", now).param("id", invoiceId)
                    .update();
        }
        return find(number).orElseThrow();
    }

    @Transactional(readOnly = true)
    public Optional<Document> find(String number) {
        return jdbc.sql("""
                select i.number, d.filename, d.content, d.uploaded_by, d.uploaded_at
                from invoice_document d join invoice i on i.id = d.invoice_id where i.number = :n""")
                .param("n", number)
                .query((rs, row) -> new Document(rs.getString("number"), rs.getString("filename"),
                        rs.getBytes("content"), rs.getString("uploaded_by"),
                        rs.getObject("uploaded_at", OffsetDateTime.class).toInstant()))
                .optional();
    }
}

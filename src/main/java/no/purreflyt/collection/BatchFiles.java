package no.purreflyt.collection;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import no.purreflyt.collection.CollectionProperties.Format;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The content of a batch file, from the stored messages alone (docs/agency-formats.md). Nothing here reads the clock
 * or the configuration, so the same batch written twice is the same bytes.
 */
final class BatchFiles {

    static final String FORMAT = "purreflyt-agency-export";
    static final int VERSION = 1;

    /** The CSV columns, in order: the header row of every CSV batch file. */
    static final List<String> CSV_COLUMNS = List.of(
            "messageId", "type", "agency", "createdAt", "invoiceNumber", "caseId",
            "creditorName", "creditorOrganisationNumber", "creditorBankAccount",
            "debtorExternalId", "debtorName", "debtorType", "debtorEmail", "debtorAddressLine1", "debtorAddressLine2",
            "debtorPostalCode", "debtorCity", "debtorCountry", "debtorLanguage",
            "invoiceIssueDate", "invoiceDueDate", "invoiceAmount", "invoiceCurrency", "invoiceKid",
            "claimAsOf", "claimPrincipal", "claimInterestRatePercent", "claimInterestFrom", "claimInterestAccrued",
            "claimFees", "claimCompensation", "claimTotal", "claimCurrency",
            "notices",
            "inkassovarselFilename", "inkassovarselContentType", "inkassovarselBase64",
            "paymentAmount", "paymentCurrency", "paymentPaidOn", "paymentReference",
            "note");

    /** A batch as stored: its header and its messages' JSON in the order they were stored. */
    record Content(long batchId, String agency, Instant createdAt, List<String> payloads) {
    }

    private BatchFiles() {
    }

    static Format formatOf(String fileName) {
        return fileName.endsWith(".csv") ? Format.CSV : Format.JSON;
    }

    static String fileName(String agency, long batchId, Format format) {
        return "purreflyt-" + Slugs.of(agency) + "-batch-" + String.format("%08d", batchId) + "."
                + format.name().toLowerCase(java.util.Locale.ROOT);
    }

    static void write(Content batch, Format format, ObjectMapper json, OutputStream out) throws IOException {
        if (format == Format.CSV) {
            csv(batch, json, out);
        } else {
            json(batch, json, out);
        }
    }

    /** The header, then the messages as stored, one per line, so that a reader may also take it line by line. */
    private static void json(Content batch, ObjectMapper json, OutputStream out) throws IOException {
        Writer file = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        file.write("{\"format\":" + json.writeValueAsString(FORMAT) + ",\"version\":" + VERSION + ",\"batch\":"
                + batch.batchId() + ",\"agency\":" + json.writeValueAsString(batch.agency()) + ",\"createdAt\":"
                + json.writeValueAsString(batch.createdAt().toString()) + ",\"messages\":[");
        String separator = "\n";
        for (String payload : batch.payloads()) {
            file.write(separator);
            // the stored JSON as it is: the message the agency gets is byte for byte the one we stored
            file.write(payload);
            separator = ",\n";
        }
        file.write("\n]}\n");
        file.flush();
    }

    private static void csv(Content batch, ObjectMapper json, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        // RFC 4180: CRLF line ends, double quotes around a field with a comma, quote or line break
        CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180.builder()
                .setHeader(CSV_COLUMNS.toArray(String[]::new)).get());
        for (String payload : batch.payloads()) {
            printer.printRecord(row(json.readValue(payload, AgencyMessage.class)));
        }
        printer.flush();
    }

    private static List<String> row(AgencyMessage m) {
        var creditor = m.creditor();
        var debtor = m.debtor();
        var invoice = m.invoice();
        var claim = m.claim();
        var document = m.inkassovarsel();
        var payment = m.payment();
        return java.util.Arrays.asList(
                m.messageId(), m.type().name(), m.agency(), m.createdAt().toString(), m.invoiceNumber(),
                Long.toString(m.caseId()),
                creditor == null ? null : creditor.name(),
                creditor == null ? null : creditor.organisationNumber(),
                creditor == null ? null : creditor.bankAccount(),
                debtor == null ? null : debtor.externalId(),
                debtor == null ? null : debtor.name(),
                debtor == null ? null : debtor.type(),
                debtor == null ? null : debtor.email(),
                debtor == null ? null : debtor.addressLine1(),
                debtor == null ? null : debtor.addressLine2(),
                debtor == null ? null : debtor.postalCode(),
                debtor == null ? null : debtor.city(),
                debtor == null ? null : debtor.country(),
                debtor == null ? null : debtor.language(),
                invoice == null ? null : text(invoice.issueDate()),
                invoice == null ? null : text(invoice.dueDate()),
                invoice == null ? null : money(invoice.amount()),
                invoice == null ? null : invoice.currency(),
                invoice == null ? null : invoice.kid(),
                claim == null ? null : text(claim.asOf()),
                claim == null ? null : money(claim.principal()),
                claim == null ? null : money(claim.interestRatePercent()),
                claim == null ? null : text(claim.interestFrom()),
                claim == null ? null : money(claim.interestAccrued()),
                claim == null ? null : money(claim.fees()),
                claim == null ? null : money(claim.compensation()),
                claim == null ? null : money(claim.total()),
                claim == null ? null : claim.currency(),
                notices(m.notices()),
                document == null ? null : document.filename(),
                document == null ? null : document.contentType(),
                document == null || document.content() == null ? null
                        : Base64.getEncoder().encodeToString(document.content()),
                payment == null ? null : money(payment.amount()),
                payment == null ? null : payment.currency(),
                payment == null ? null : text(payment.paidOn()),
                payment == null ? null : payment.reference(),
                m.note());
    }

    /**
     * All notices in one column: notices separated by "|", each "kind;sequence;sendDate;deadline;fee;channel" (an
     * absent value empty). None of these values can contain "|" or ";".
     */
    static String notices(List<AgencyMessage.NoticeFacts> notices) {
        return notices.stream()
                .map(n -> String.join(";", n.kind(), Integer.toString(n.sequence()), text(n.sendDate()),
                        text(n.deadline()), money(n.fee()), Objects.toString(n.channel(), "")))
                .collect(Collectors.joining("|"));
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    /** Plain digits with the scale as stored (1082.34, never 1.08234E+3). */
    private static String money(BigDecimal amount) {
        return amount == null ? "" : amount.toPlainString();
    }
}

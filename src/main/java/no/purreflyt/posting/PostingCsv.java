package no.purreflyt.posting;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Postings as RFC 4180 CSV for accounting systems that import files: a header row, CRLF line ends, quotes only where
 * a value needs them, amounts as plain decimals with a dot whatever the server's locale.
 */
final class PostingCsv {

    static final String[] HEADER = {"date", "type", "debitAccount", "creditAccount", "amount", "currency", "vatCode",
            "invoiceNumber", "customerExternalId", "caseId", "text", "sourceKey"};

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader(HEADER).get();

    private PostingCsv() {
    }

    static String render(List<Posting> postings) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
            for (Posting p : postings) {
                printer.printRecord(p.date(), p.type(), p.debitAccount(), p.creditAccount(),
                        p.amount().toPlainString(), p.currency(), p.vatCode(), orEmpty(p.invoiceNumber()),
                        orEmpty(p.customerExternalId()), p.caseId() == null ? "" : p.caseId().toString(),
                        orEmpty(p.text()), p.sourceKey());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Writing to a string failed", e);
        }
        return out.toString();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}

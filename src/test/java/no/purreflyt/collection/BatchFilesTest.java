package no.purreflyt.collection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import no.purreflyt.collection.CollectionProperties.Format;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** The two layouts of a batch file, parsed back as an agency would. */
class BatchFilesTest {

    private final ObjectMapper json = Messages.applicationJson();

    /** The JSON batch file as an agency in Java would read it. */
    record BatchFile(String format, int version, long batch, String agency, Instant createdAt, List<AgencyMessage> messages) {
    }

    private BatchFiles.Content batchOfTwo() throws IOException {
        return new BatchFiles.Content(42, "Demo Inkasso AS", Instant.parse("2026-03-02T11:05:00Z"), List.of(
                json.writeValueAsString(Messages.handover("HANDOVER-7", "Demo Inkasso AS", "INV-7", 7)),
                json.writeValueAsString(Messages.payment("PAYMENT-8", "Demo Inkasso AS", "INV-8", 8))));
    }

    private byte[] write(BatchFiles.Content batch, Format format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BatchFiles.write(batch, format, json, out);
        return out.toByteArray();
    }

    @Test
    void aJsonBatchHasItsHeaderAndTheMessagesAsSent() throws IOException {
        JsonNode file = json.readTree(write(batchOfTwo(), Format.JSON));

        assertThat(file.get("format").asText()).isEqualTo("purreflyt-agency-export");
        assertThat(file.get("version").asInt()).isEqualTo(1);
        assertThat(file.get("batch").asLong()).isEqualTo(42);
        assertThat(file.get("agency").asText()).isEqualTo("Demo Inkasso AS");
        assertThat(file.get("createdAt").asText()).isEqualTo("2026-03-02T11:05:00Z");
        assertThat(file.get("messages")).hasSize(2);
        // read as typed records, as a tree of doubles would lose the amounts' scale (1000.00 -> 1000.0)
        AgencyMessage handover = json.readValue(write(batchOfTwo(), Format.JSON), BatchFile.class).messages().get(0);
        assertThat(handover).isEqualTo(Messages.handover("HANDOVER-7", "Demo Inkasso AS", "INV-7", 7));
        assertThat(handover.inkassovarsel().content()).isEqualTo(Messages.PDF);
        assertThat(file.at("/messages/0/claim/total").decimalValue()).isEqualByComparingTo("1082.34");
        assertThat(file.at("/messages/1/type").asText()).isEqualTo("PAYMENT_RECEIVED");
        assertThat(file.at("/messages/1/payment/amount").decimalValue()).isEqualByComparingTo("250.00");
        // a payment carries no claim: the field is absent, not null
        assertThat(file.at("/messages/1").has("claim")).isFalse();
    }

    @Test
    void aCsvBatchHasAHeaderRowAndOneFlatRowPerMessage() throws IOException {
        String text = new String(write(batchOfTwo(), Format.CSV), StandardCharsets.UTF_8);
        assertThat(text).contains("\r\n");

        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text)).getRecords();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).getParser().getHeaderNames()).isEqualTo(BatchFiles.CSV_COLUMNS);

        CSVRecord handover = rows.get(0);
        assertThat(handover.get("messageId")).isEqualTo("HANDOVER-7");
        assertThat(handover.get("type")).isEqualTo("HANDOVER");
        assertThat(handover.get("caseId")).isEqualTo("7");
        assertThat(handover.get("debtorName")).isEqualTo("Ola \"Fisker\" Nordmann, jr.");
        assertThat(handover.get("debtorAddressLine2")).isEmpty();
        assertThat(handover.get("invoiceDueDate")).isEqualTo("2025-12-15");
        assertThat(handover.get("invoiceAmount")).isEqualTo("1000.00");
        assertThat(handover.get("claimTotal")).isEqualTo("1082.34");
        assertThat(handover.get("claimInterestRatePercent")).isEqualTo("12.50");
        assertThat(handover.get("notices")).isEqualTo(
                "PURRING;1;2026-01-05;2026-01-19;35.00;EMAIL|INKASSOVARSEL;1;2026-02-02;2026-02-16;35.00;POST");
        assertThat(handover.get("inkassovarselFilename")).isEqualTo("inkassovarsel-INV-7.pdf");
        assertThat(Base64.getDecoder().decode(handover.get("inkassovarselBase64"))).isEqualTo(Messages.PDF);
        assertThat(handover.get("note")).isEqualTo("handed over after the inkassovarsel's deadline");

        CSVRecord payment = rows.get(1);
        assertThat(payment.get("type")).isEqualTo("PAYMENT_RECEIVED");
        assertThat(payment.get("invoiceNumber")).isEqualTo("INV-8");
        assertThat(payment.get("paymentAmount")).isEqualTo("250.00");
        assertThat(payment.get("paymentPaidOn")).isEqualTo("2026-03-04");
        assertThat(payment.get("paymentReference")).isEqualTo("KID 1234567890128");
        assertThat(payment.get("claimTotal")).isEmpty();
        assertThat(payment.get("notices")).isEmpty();
        assertThat(payment.get("inkassovarselBase64")).isEmpty();
    }

    @Test
    void theSameBatchIsTheSameBytes() throws IOException {
        assertThat(write(batchOfTwo(), Format.JSON)).isEqualTo(write(batchOfTwo(), Format.JSON));
        assertThat(write(batchOfTwo(), Format.CSV)).isEqualTo(write(batchOfTwo(), Format.CSV));
    }
}

package no.purreflyt.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import no.purreflyt.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

class InvoiceImportIT extends IntegrationTest {

    private static final MediaType CSV = MediaType.parseMediaType("text/csv");
    private static final String HEADER = "number,customerExternalId,issueDate,dueDate,amount,currency,kid\n";

    @BeforeEach
    void customers() {
        customer("NO-1", "CONSUMER", "NO");
        customer("NO-2", "BUSINESS", "NO");
    }

    @Test
    void allRowsAreImported() {
        ResponseEntity<JsonNode> response = importCsv(HEADER
                + "I-1,NO-1,2026-01-01,2026-01-15,100.00,NOK,1234567890\n"
                + "I-2,NO-2,2026-01-02,2026-01-16,250.50,NOK,\n");

        assertThat(response.getStatusCode().value()).isEqualTo(201);
        assertThat(response.getBody().path("imported").asInt()).isEqualTo(2);
        assertThat(get("/api/invoices/I-2").getBody().path("amount").decimalValue()).isEqualByComparingTo("250.50");
        assertThat(get("/api/invoices/I-1").getBody().path("kid").asText()).isEqualTo("1234567890");
    }

    @Test
    void semicolonsAndDecimalCommasFromANorwegianSpreadsheetAreRead() {
        ResponseEntity<JsonNode> response = importCsv(
                "number;customerExternalId;issueDate;dueDate;amount;currency\nI-1;NO-1;2026-01-01;2026-01-15;1250,75;NOK\n");

        assertThat(response.getStatusCode().value()).isEqualTo(201);
        assertThat(get("/api/invoices/I-1").getBody().path("amount").decimalValue()).isEqualByComparingTo("1250.75");
    }

    @Test
    void importFailingOnRowSevenLeavesNothingBehind() {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 1; i <= 10; i++) {
            String amount = i == 7 ? "-40.00" : "100.00";
            csv.append("I-").append(i).append(",NO-1,2026-01-01,2026-01-15,").append(amount).append(",NOK,\n");
        }

        ResponseEntity<JsonNode> response = importCsv(csv.toString());

        assertThat(response.getStatusCode().value()).isEqualTo(422);
        JsonNode errors = response.getBody().path("errors");
        assertThat(errors.size()).isEqualTo(1);
        assertThat(errors.get(0).path("row").asInt()).isEqualTo(7);
        assertThat(errors.get(0).path("line").asInt()).isEqualTo(8);
        assertThat(errors.get(0).path("field").asText()).isEqualTo("amount");
        assertThat(jdbc.sql("select count(*) from invoice").query(Long.class).single()).isZero();
    }

    @Test
    void everyBadRowIsReportedAtOnce() {
        invoice("EXISTING", "NO-1", TODAY.minusDays(5), "10.00", "NOK");

        ResponseEntity<JsonNode> response = importCsv(HEADER
                + "I-1,NO-1,2026-02-30,2026-03-15,100.00,NOK,\n"
                + "I-2,NOBODY,2026-01-01,2026-01-15,100.00,NOK,\n"
                + "EXISTING,NO-1,2026-01-01,2026-01-15,100.00,NOK,\n"
                + "I-4,NO-1,2026-01-01,2026-01-15,100.00,SEK,\n"
                + "I-5,NO-1,2026-01-01,2026-01-15,1oo,NOK,\n"
                + "I-6,NO-1,2026-01-01,2026-01-15,100.00,NOK,\n"
                + "I-6,NO-1,2026-01-01,2026-01-15,100.00,NOK,\n");

        assertThat(response.getStatusCode().value()).isEqualTo(422);
        assertThat(response.getBody().path("errors").toString())
                .contains("\"row\":1,\"line\":2,\"field\":\"issueDate\"")
                .contains("\"row\":2,\"line\":3,\"field\":\"customerExternalId\"")
                .contains("\"row\":3,\"line\":4,\"field\":\"number\"")
                .contains("\"row\":4,\"line\":5,\"field\":\"currency\"")
                .contains("\"row\":5,\"line\":6,\"field\":\"amount\"")
                .contains("\"row\":7,\"line\":8,\"field\":\"number\"");
        assertThat(jdbc.sql("select count(*) from invoice").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void headerWithoutRequiredColumnsIsMalformed() {
        ResponseEntity<JsonNode> response = importCsv("number,customer,amount\nI-1,NO-1,100\n");

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody().path("errors").toString())
                .contains("customerExternalId").contains("issueDate").contains("\"field\":\"customer\"");
    }

    @Test
    void unbalancedQuoteIsMalformedCsv() {
        ResponseEntity<JsonNode> response = importCsv(HEADER + "\"I-1,NO-1,2026-01-01,2026-01-15,100.00,NOK,\n");

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody().path("title").asText()).isEqualTo("Malformed CSV");
    }

    @Test
    void emptyFileIsMalformed() {
        ResponseEntity<JsonNode> response = importCsv(HEADER);

        assertThat(response.getStatusCode().value()).isEqualTo(400);
    }

    private ResponseEntity<JsonNode> importCsv(String csv) {
        return send(ADMIN, HttpMethod.POST, "/api/invoices/import", CSV, csv);
    }
}

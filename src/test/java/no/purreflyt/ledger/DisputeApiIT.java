package no.purreflyt.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.Map;
import no.purreflyt.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** POST /api/invoices/{number}/disputes: what it records, and what it refuses without writing anything. */
class DisputeApiIT extends IntegrationTest {

    @BeforeEach
    void anInvoice() {
        customer("NO-1", "CONSUMER", "NO");
        invoice("INV-1", "NO-1", LocalDate.of(2026, 2, 20), "1000.00", "NOK");
    }

    @Test
    void aDisputeIsRecordedWithWhoRaisedItAndWhen() {
        ResponseEntity<JsonNode> raised = post("/api/invoices/INV-1/disputes", Map.of("reason", "  Goods never arrived "));

        assertThat(raised.getStatusCode().value()).isEqualTo(201);
        assertThat(raised.getHeaders().getLocation().getPath()).startsWith("/api/invoices/INV-1/disputes/");
        assertThat(raised.getBody().path("reason").asText()).isEqualTo("Goods never arrived");
        assertThat(raised.getBody().path("raisedBy").asText()).isEqualTo(ADMIN);
        assertThat(raised.getBody().path("invoiceNumber").asText()).isEqualTo("INV-1");
    }

    @Test
    void badDisputesAreRefusedWithAProblemAndWriteNothing() {
        ResponseEntity<JsonNode> unknown = post("/api/invoices/NOPE/disputes", Map.of("reason", "x"));
        ResponseEntity<JsonNode> blank = post("/api/invoices/INV-1/disputes", Map.of("reason", " "));
        ResponseEntity<JsonNode> tooLong = post("/api/invoices/INV-1/disputes", Map.of("reason", "x".repeat(1001)));
        ResponseEntity<JsonNode> unknownField = post("/api/invoices/INV-1/disputes", Map.of("reason", "x", "amount", 5));
        ResponseEntity<JsonNode> notJson = send(ADMIN, HttpMethod.POST, "/api/invoices/INV-1/disputes",
                MediaType.APPLICATION_JSON, "{\"reason\": ");

        assertThat(unknown.getStatusCode().value()).isEqualTo(404);
        assertThat(blank.getStatusCode().value()).isEqualTo(400);
        assertThat(blank.getBody().path("errors").get(0).path("field").asText()).isEqualTo("reason");
        assertThat(tooLong.getStatusCode().value()).isEqualTo(400);
        assertThat(unknownField.getStatusCode().value()).isEqualTo(400);
        assertThat(notJson.getStatusCode().value()).isEqualTo(400);
        assertThat(blank.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
        assertThat(jdbc.sql("select count(*) from dispute").query(Long.class).single()).isZero();
    }

    @Test
    void aSettledInvoiceCannotBeDisputed() {
        post("/api/invoices/INV-1/payments", Map.of("amount", "1000.00", "paidOn", TODAY.toString(), "externalId", "P-1"));

        ResponseEntity<JsonNode> refused = post("/api/invoices/INV-1/disputes", Map.of("reason", "Too late"));

        assertThat(refused.getStatusCode().value()).isEqualTo(422);
        assertThat(refused.getBody().path("detail").asText()).contains("nothing outstanding");
        assertThat(jdbc.sql("select count(*) from dispute").query(Long.class).single()).isZero();
    }
}

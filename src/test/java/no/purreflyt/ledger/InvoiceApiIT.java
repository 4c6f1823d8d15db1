package no.purreflyt.ledger;

import static no.purreflyt.ledger.CustomerApiIT.fields;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import no.purreflyt.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

class InvoiceApiIT extends IntegrationTest {

    @BeforeEach
    void customers() {
        customer("NO-1", "CONSUMER", "NO");
        customer("SE-1", "BUSINESS", "SE");
    }

    @Test
    void invoiceIsCreatedWithItsWholeAmountOutstanding() {
        JsonNode created = invoice("INV-1", "NO-1", TODAY.minusDays(10), "1250.50", "NOK");

        assertThat(created.path("outstanding").decimalValue()).isEqualByComparingTo("1250.50");
        JsonNode read = get("/api/invoices/INV-1").getBody();
        assertThat(read.path("customerExternalId").asText()).isEqualTo("NO-1");
        assertThat(read.path("dueDate").asText()).isEqualTo(TODAY.minusDays(10).toString());
    }

    @Test
    void negativeOrMissingAmountIsRefusedByField() {
        Map<String, Object> body = valid();
        body.put("amount", "-5");
        ResponseEntity<JsonNode> negative = post("/api/invoices", body);
        body.remove("amount");
        ResponseEntity<JsonNode> missing = post("/api/invoices", body);
        body.put("amount", "10.005");
        ResponseEntity<JsonNode> tooPrecise = post("/api/invoices", body);

        assertThat(negative.getStatusCode().value()).isEqualTo(400);
        assertThat(fields(negative)).containsExactly("amount");
        assertThat(fields(missing)).containsExactly("amount");
        assertThat(fields(tooPrecise)).containsExactly("amount");
        assertThat(get("/api/invoices/INV-1").getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void impossibleDateIsNamed() {
        Map<String, Object> body = valid();
        body.put("dueDate", "2026-02-30");

        ResponseEntity<JsonNode> response = post("/api/invoices", body);

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(fields(response)).containsExactly("dueDate");
    }

    @Test
    void dueDateBeforeIssueDateIsRefused() {
        Map<String, Object> body = valid();
        body.put("issueDate", "2026-02-10");
        body.put("dueDate", "2026-02-09");

        ResponseEntity<JsonNode> response = post("/api/invoices", body);

        assertThat(response.getStatusCode().value()).isEqualTo(422);
        assertThat(fields(response)).containsExactly("dueDate");
    }

    @Test
    void unknownCustomerIsRefused() {
        Map<String, Object> body = valid();
        body.put("customerExternalId", "NOBODY");

        ResponseEntity<JsonNode> response = post("/api/invoices", body);

        assertThat(response.getStatusCode().value()).isEqualTo(422);
        assertThat(fields(response)).containsExactly("customerExternalId");
    }

    @Test
    void currencyMustBeTheDebtorCountrys() {
        Map<String, Object> body = valid();
        body.put("customerExternalId", "SE-1");

        ResponseEntity<JsonNode> response = post("/api/invoices", body);

        assertThat(response.getStatusCode().value()).isEqualTo(422);
        assertThat(fields(response)).containsExactly("currency");
        assertThat(response.getBody().path("detail").asText()).contains("SEK");
    }

    @Test
    void duplicateInvoiceNumberIsAConflict() {
        invoice("INV-1", "NO-1", TODAY.minusDays(10), "100.00", "NOK");

        Map<String, Object> body = valid();
        body.put("amount", "999.00");
        ResponseEntity<JsonNode> response = post("/api/invoices", body);

        assertThat(response.getStatusCode().value()).isEqualTo(409);
        assertThat(get("/api/invoices/INV-1").getBody().path("amount").decimalValue()).isEqualByComparingTo("100.00");
    }

    @Test
    void unknownFieldIsRefusedRatherThanIgnored() {
        Map<String, Object> body = valid();
        body.put("ammount", "100");

        ResponseEntity<JsonNode> response = post("/api/invoices", body);

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(fields(response)).containsExactly("ammount");
    }

    private static Map<String, Object> valid() {
        Map<String, Object> body = new HashMap<>();
        body.put("number", "INV-1");
        body.put("customerExternalId", "NO-1");
        body.put("issueDate", "2026-02-01");
        body.put("dueDate", "2026-02-15");
        body.put("amount", "500.00");
        body.put("currency", "NOK");
        return body;
    }
}

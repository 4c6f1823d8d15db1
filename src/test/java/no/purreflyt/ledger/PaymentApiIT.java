package no.purreflyt.ledger;

import static no.purreflyt.ledger.CustomerApiIT.fields;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import no.purreflyt.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

class PaymentApiIT extends IntegrationTest {

    @BeforeEach
    void anInvoice() {
        customer("NO-1", "CONSUMER", "NO");
        invoice("INV-1", "NO-1", TODAY.minusDays(20), "1000.00", "NOK");
    }

    @Test
    void partialPaymentLowersTheOutstandingBalance() {
        ResponseEntity<JsonNode> response = pay("P-1", "400.00", TODAY.minusDays(1).toString());

        assertThat(response.getStatusCode().value()).isEqualTo(201);
        // 1000.00 - 400.00 = 600.00
        assertThat(response.getBody().path("outstanding").decimalValue()).isEqualByComparingTo("600.00");
        assertThat(response.getBody().path("paidAmount").decimalValue()).isEqualByComparingTo("400.00");
    }

    @Test
    void samePaymentSentTwiceIsRecordedOnce() {
        pay("P-1", "400.00", TODAY.toString());

        ResponseEntity<JsonNode> again = pay("P-1", "400.00", TODAY.toString());

        assertThat(again.getStatusCode().value()).isEqualTo(200);
        assertThat(again.getBody().path("outstanding").decimalValue()).isEqualByComparingTo("600.00");
        assertThat(again.getBody().path("payments").size()).isEqualTo(1);
    }

    @Test
    void sameExternalIdWithOtherContentIsAConflict() {
        pay("P-1", "400.00", TODAY.toString());

        ResponseEntity<JsonNode> other = pay("P-1", "450.00", TODAY.toString());

        assertThat(other.getStatusCode().value()).isEqualTo(409);
        assertThat(fields(other)).containsExactly("externalId");
        assertThat(get("/api/invoices/INV-1").getBody().path("outstanding").decimalValue()).isEqualByComparingTo("600.00");
    }

    @Test
    void paymentInAnotherCurrencyIsRefused() {
        ResponseEntity<JsonNode> response = post("/api/invoices/INV-1/payments", Map.of(
                "amount", "100.00", "paidOn", TODAY.toString(), "externalId", "P-1", "currency", "SEK"));

        assertThat(response.getStatusCode().value()).isEqualTo(422);
        assertThat(fields(response)).containsExactly("currency");
        assertThat(get("/api/invoices/INV-1").getBody().path("payments").size()).isZero();
    }

    @Test
    void paymentDatedInTheFutureIsRefused() {
        ResponseEntity<JsonNode> response = pay("P-1", "100.00", TODAY.plusDays(1).toString());

        assertThat(response.getStatusCode().value()).isEqualTo(422);
        assertThat(fields(response)).containsExactly("paidOn");
    }

    @Test
    void paymentOnUnknownInvoiceIsNotFound() {
        ResponseEntity<JsonNode> response = post("/api/invoices/NOPE/payments", Map.of(
                "amount", "100.00", "paidOn", TODAY.toString(), "externalId", "P-1"));

        assertThat(response.getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void creditNoteLowersTheBalanceButNeverBelowZero() {
        ResponseEntity<JsonNode> credited = credit("300.00");
        ResponseEntity<JsonNode> tooMuch = credit("700.01");

        assertThat(credited.getStatusCode().value()).isEqualTo(201);
        // 1000.00 - 300.00 = 700.00 left; 700.01 would take it below zero
        assertThat(credited.getBody().path("outstanding").decimalValue()).isEqualByComparingTo("700.00");
        assertThat(tooMuch.getStatusCode().value()).isEqualTo(422);
        assertThat(fields(tooMuch)).containsExactly("amount");
        assertThat(get("/api/invoices/INV-1").getBody().path("creditNotes").size()).isEqualTo(1);
    }

    @Test
    void creditNoteSentTwiceIsRecordedOnceAndOtherContentIsAConflict() {
        Map<String, String> note = Map.of("amount", "300.00", "date", TODAY.toString(), "reason", "Damaged goods",
                "externalId", "CN-1");
        post("/api/invoices/INV-1/credit-notes", note);

        ResponseEntity<JsonNode> again = post("/api/invoices/INV-1/credit-notes", note);
        ResponseEntity<JsonNode> other = post("/api/invoices/INV-1/credit-notes", Map.of("amount", "350.00",
                "date", TODAY.toString(), "reason", "Damaged goods", "externalId", "CN-1"));

        assertThat(again.getStatusCode().value()).isEqualTo(200);
        assertThat(other.getStatusCode().value()).isEqualTo(409);
        // 1000.00 - 300.00, once
        assertThat(get("/api/invoices/INV-1").getBody().path("outstanding").decimalValue()).isEqualByComparingTo("700.00");
    }

    @Test
    void creditNoteWithoutReasonIsRefused() {
        ResponseEntity<JsonNode> response = post("/api/invoices/INV-1/credit-notes", Map.of(
                "amount", "100.00", "date", TODAY.toString()));

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(fields(response)).containsExactly("reason");
    }

    private ResponseEntity<JsonNode> pay(String externalId, String amount, String paidOn) {
        return post("/api/invoices/INV-1/payments", Map.of("amount", amount, "paidOn", paidOn, "externalId", externalId,
                "reference", "bank"));
    }

    private ResponseEntity<JsonNode> credit(String amount) {
        return post("/api/invoices/INV-1/credit-notes", Map.of("amount", amount, "date", TODAY.toString(),
                "reason", "Damaged goods"));
    }
}

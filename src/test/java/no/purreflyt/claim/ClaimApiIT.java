package no.purreflyt.claim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.purreflyt.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/** The claim and forecast of an invoice through the API, from the ledger and the shipped legal tables. */
class ClaimApiIT extends IntegrationTest {

    private static final LocalDate DUE = LocalDate.of(2026, 1, 15);

    @BeforeEach
    void invoices() {
        customer("NO-C", "CONSUMER", "NO");
        customer("NO-B", "BUSINESS", "NO");
        invoice("C-1", "NO-C", DUE, "10000.00", "NOK");
        invoice("B-1", "NO-B", DUE, "10000.00", "NOK");
        post("/api/invoices/C-1/payments", Map.of("amount", "4000.00", "paidOn", "2026-01-31", "externalId", "PAY-1"));
    }

    @Test
    void theClaimItemizesInterestByPrincipalAndAddsTheBusinessCompensation() {
        // C-1: 10 000 due 2026-01-15, 4 000 paid 2026-01-31, asked on 2026-02-15, 12.00 % (2026-H1), /365:
        //   2026-01-16..01-31 16 days on 10 000: 10000 × 0.12 × 16 / 365 = 19200 / 365 = 52.602740
        //   2026-02-01..02-15 15 days on  6 000:  6000 × 0.12 × 15 / 365 = 10800 / 365 = 29.589041
        //   interest 30000 / 365 = 82.191781 → 82.19; total 6 000 + 82.19 = 6 082.19
        JsonNode consumer = get("/api/invoices/C-1/claim?on=2026-02-15").getBody();

        assertThat(consumer.path("claim").path("principal").decimalValue()).isEqualByComparingTo("6000.00");
        JsonNode lines = consumer.path("claim").path("interest").path("lines");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).path("days").asInt()).isEqualTo(16);
        assertThat(lines.get(0).path("ratePercent").decimalValue()).isEqualByComparingTo("12.00");
        assertThat(lines.get(0).path("confidence").asText()).isEqualTo("[2+]");
        assertThat(lines.get(0).path("source").asText()).isEqualTo("kred.no");
        assertThat(lines.get(1).path("principal").decimalValue()).isEqualByComparingTo("6000.00");
        assertThat(consumer.path("claim").path("interest").path("total").decimalValue()).isEqualByComparingTo("82.19");
        assertThat(consumer.path("claim").path("total").decimalValue()).isEqualByComparingTo("6082.19");
        assertThat(consumer.path("regime").asText()).isEqualTo("inkassoloven (1988)");

        // B-1: 31 days on 10 000: 37200 / 365 = 101.917808 → 101.92; § 3a compensation 2026-H1 460, no fees yet
        //   to offset: 10 000 + 101.92 + 460 = 10 561.92
        JsonNode business = get("/api/invoices/B-1/claim?on=2026-02-15").getBody();
        assertThat(business.path("claim").path("compensation").path("charged").decimalValue())
                .isEqualByComparingTo("460.00");
        assertThat(business.path("claim").path("total").decimalValue()).isEqualByComparingTo("10561.92");
    }

    @Test
    void withoutADateTheClaimIsOfTodayByTheBusinessClock() {
        // today 2026-03-02: 16 days on 10 000 (19200 / 365) + 30 days on 6 000 (6000 × 0.12 × 30 / 365 = 21600 / 365)
        //   = 40800 / 365 = 111.780822 → 111.78
        JsonNode claim = get("/api/invoices/C-1/claim").getBody();

        assertThat(claim.path("claim").path("on").asText()).isEqualTo("2026-03-02");
        assertThat(claim.path("claim").path("interest").path("total").decimalValue()).isEqualByComparingTo("111.78");
    }

    @Test
    void theForecastLaysTheDefaultPlanOnBusinessDaysWithLawfulFees() {
        // due Thursday 2026-01-15. Reminder day 7: Thu 01-22, deadline Thu 01-29. Purring: day 14 is 01-29 but the
        // reminder's deadline runs through it: Fri 01-30, deadline Fri 02-13, 1/20 × 750 = 37.50 → 38.
        // Purring 2: Sat 02-14 → Mon 02-16, deadline Mon 03-02, 38. Inkassovarsel: Tue 03-03, deadline Tue 03-17,
        // a third fee refused by § 1-3 → 0. Handover: Wed 03-18.
        JsonNode forecast = get("/api/invoices/C-1/forecast").getBody();

        List<String> steps = new ArrayList<>();
        forecast.path("steps").forEach(step -> steps.add(step.path("step").asText() + " " + step.path("date").asText()
                + " " + step.path("deadline").asText("-") + " "
                + (step.has("fee") ? step.path("fee").decimalValue().setScale(2).toPlainString() : "-")));
        assertThat(steps).containsExactly(
                "REMINDER 2026-01-22 2026-01-29 0.00",
                "PURRING 2026-01-30 2026-02-13 38.00",
                "PURRING 2026-02-16 2026-03-02 38.00",
                "INKASSOVARSEL 2026-03-03 2026-03-17 0.00",
                "HANDOVER 2026-03-18 - -");
        assertThat(forecast.path("steps").get(3).path("reason").asText()).contains("At most two fees");
    }

    @Test
    void aForecastIntoAYearTheTablesDoNotCoverStopsAtTheMissingRow() {
        // due Thu 2026-12-10: reminder Thu 12-17 (deadline 12-24); purring 12-25 is Christmas Day, 12-26 a holiday,
        // then the weekend: Mon 12-28, fee 38 with R 2026; deadline 2027-01-11. Purring 2 on 2027-01-12 needs the
        // inkassosats of 2027, which no table has yet.
        invoice("LATE-1", "NO-C", LocalDate.of(2026, 12, 10), "1000.00", "NOK");

        JsonNode steps = get("/api/invoices/LATE-1/forecast").getBody().path("steps");

        assertThat(steps).hasSize(3);
        assertThat(steps.get(1).path("date").asText()).isEqualTo("2026-12-28");
        assertThat(steps.get(1).path("fee").decimalValue()).isEqualByComparingTo("38.00");
        assertThat(steps.get(2).path("allowed").asBoolean()).isFalse();
        assertThat(steps.get(2).path("rule").asText()).isEqualTo("no-inkassosats.csv");
        assertThat(steps.get(2).path("reason").asText()).contains("2027-01-12");
    }

    @Test
    void aDateNoTableCoversIsAProblemNamingTheDate() {
        ResponseEntity<JsonNode> response = get("/api/invoices/C-1/claim?on=2027-02-01");

        assertThat(response.getStatusCode().value()).isEqualTo(422);
        assertThat(response.getHeaders().getContentType().toString()).contains("problem+json");
        assertThat(response.getBody().path("detail").asText()).contains("2027-01-01").contains("no-forsinkelsesrente.csv");
    }

    @Test
    void theTablesInForceCanBeReadWithSourceAndConfidence() {
        JsonNode tables = get("/api/rules").getBody().path("tables");

        assertThat(tables).hasSize(6);
        JsonNode interest = tables.get(0);
        assertThat(interest.path("name").asText()).isEqualTo("no-forsinkelsesrente.csv");
        JsonNode last = interest.path("rows").get(interest.path("rows").size() - 1);
        assertThat(last.path("from").asText()).isEqualTo("2026-07-01");
        assertThat(last.path("value").decimalValue()).isEqualByComparingTo("12.25");
        assertThat(last.path("confidence").asText()).isEqualTo("[1]");
        assertThat(last.path("origin").asText()).isEqualTo("rules/no-forsinkelsesrente.csv line 22");
    }

    @Test
    void aBadDateOrAnUnknownInvoiceIsAClearProblem() {
        ResponseEntity<JsonNode> badDate = get("/api/invoices/C-1/claim?on=2026-02-30");
        assertThat(badDate.getStatusCode().value()).isEqualTo(400);
        assertThat(badDate.getBody().path("detail").asText()).isNotBlank();

        ResponseEntity<JsonNode> unknown = get("/api/invoices/NOPE/forecast");
        assertThat(unknown.getStatusCode().value()).isEqualTo(404);
        assertThat(unknown.getBody().path("detail").asText()).contains("NOPE");
    }
}

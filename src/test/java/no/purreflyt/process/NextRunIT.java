package no.purreflyt.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import no.purreflyt.support.IntegrationTest;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/**
 * GET /api/dunning-runs/next: what the next automatic run will do, before it happens. INV-1 (1 000.00 NOK) has a case
 * on the test plan, opened 2026-03-02; INV-2 (1 500.00 NOK) and INV-3 (700.00 NOK, another customer) are due as well
 * and get their cases from the next run. All are due 2026-02-26.
 */
class NextRunIT extends IntegrationTest {

    static final LocalDate DUE = LocalDate.of(2026, 2, 26);

    @Autowired TaskService tasks;

    @BeforeEach
    void cases() {
        customer("NO-1", "CONSUMER", "NO");
        customer("NO-2", "CONSUMER", "NO");
        invoice("INV-1", "NO-1", DUE, "1000.00", "NOK");
        post("/api/dunning-runs", null);
        executeDueJobs();
        invoice("INV-2", "NO-1", DUE, "1500.00", "NOK");
        invoice("INV-3", "NO-2", DUE, "700.00", "NOK");
    }

    @Test
    void theNextRunCountsTheRemindersDueThatDayAndTheCasesItWillOpen() {
        // Thursday 03-05 before the run: INV-1's reminder (day 7) is due; INV-2 and INV-3 get cases whose first step,
        // the reminder of day 7, is due at once
        timeTravel.setDateTime(LocalDate.of(2026, 3, 5), LocalTime.of(8, 0));

        JsonNode next = get("/api/dunning-runs/next").getBody();

        assertThat(next.path("day").asText()).isEqualTo("2026-03-05");
        assertThat(next.path("at").asText()).startsWith("2026-03-05T11:00:00+01:00");
        assertThat(next.path("newCases").asInt()).isEqualTo(2);
        JsonNode reminders = next.path("steps").path("REMINDER");
        assertThat(reminders.path("count").asInt()).isEqualTo(3);
        assertThat(reminders.path("toReview").asInt()).isZero();
        // 1000.00 + 1500.00 + 700.00
        assertThat(reminders.path("money").path("NOK").path("outstanding").decimalValue()).isEqualByComparingTo("3200.00");
        assertThat(next.path("steps").path("PURRING").path("count").asInt()).isZero();
        assertThat(next.path("items")).extracting(i -> i.path("invoiceNumber").asText() + " " + i.path("newCase").asBoolean())
                .containsExactlyInAnyOrder("INV-1 false", "INV-2 true", "INV-3 true");
    }

    @Test
    void aBlockedCustomerDropsOutOfTheNextRunAndAPurringShowsItsFeeAndReview() {
        travelTo(LocalDate.of(2026, 3, 5));
        send(ADMIN, HttpMethod.PATCH, "/api/customers/NO-2", MediaType.valueOf("application/merge-patch+json"),
                Map.of("dunningBlock", Map.of("blocked", true, "reason", "Negotiating")));
        // Friday 03-13 before the run: INV-1's first purring (reviewed in the test plan), fee 38.00; INV-2 gets a case
        // and its reminder; INV-3's customer is blocked
        timeTravel.setDateTime(LocalDate.of(2026, 3, 13), LocalTime.of(8, 0));

        JsonNode next = get("/api/dunning-runs/next").getBody();

        JsonNode purringer = next.path("steps").path("PURRING");
        assertThat(purringer.path("count").asInt()).isEqualTo(1);
        assertThat(purringer.path("toReview").asInt()).isEqualTo(1);
        assertThat(purringer.path("money").path("NOK").path("fees").decimalValue()).isEqualByComparingTo("38.00");
        assertThat(next.path("steps").path("REMINDER").path("count").asInt()).isEqualTo(1);
        assertThat(next.path("newCases").asInt()).isEqualTo(1);
        assertThat(next.path("items")).extracting(i -> i.path("invoiceNumber").asText() + " " + i.path("stepName").asText())
                .containsExactlyInAnyOrder("INV-1 Purring 1", "INV-2 Free reminder");
    }
}

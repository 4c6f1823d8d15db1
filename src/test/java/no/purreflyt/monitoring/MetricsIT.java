package no.purreflyt.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.purreflyt.support.IntegrationTest;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/**
 * /actuator/prometheus: the business gauges read from our tables and the engine's, every known series present (0 when
 * empty), for the operators and the credit managers only.
 *
 * <p>The test plan sends a reminder on day 7 after the due date and opens a case when the invoice is overdue by more than
 * 3 days. Invoices due Thursday 2026-02-26 get their case on Monday 03-02 and their reminder (an e-mail) on Thursday
 * 03-05; invoices due Sunday 03-01 get their case on 03-05.
 */
class MetricsIT extends IntegrationTest {

    static final LocalDate EARLY_DUE = LocalDate.of(2026, 2, 26);
    static final LocalDate LATE_DUE = LocalDate.of(2026, 3, 1);
    static final LocalDate REMINDER_DAY = LocalDate.of(2026, 3, 5);

    @Test
    void theGaugesCountOpenCasesAndTheirPrincipalByStageNoticesDeliveriesAndIncidents() {
        customer("NO-1", "CONSUMER", "NO");
        customer("SE-1", "CONSUMER", "SE");
        invoice("INV-1", "NO-1", EARLY_DUE, "1000.00", "NOK");
        invoice("INV-2", "NO-1", EARLY_DUE, "250.75", "NOK");
        post("/api/dunning-runs", null);
        travelTo(REMINDER_DAY);
        invoice("INV-3", "SE-1", LATE_DUE, "3000.00", "SEK");
        invoice("INV-4", "NO-1", LATE_DUE, "99.90", "NOK");
        post("/api/dunning-runs", null);
        pay("INV-1", "P-1", "400.00");
        // INV-4 paid in full: its case closes and counts no more
        pay("INV-4", "P-2", "99.90");
        // an incident: INV-3's timer job out of retries, as a job that failed three times
        String inv3 = runtime.createProcessInstanceQuery().processInstanceBusinessKey("INV-3").singleResult().getId();
        Job timer = management.createJobQuery().processInstanceId(inv3).singleResult();
        management.setJobRetries(timer.getId(), 0);

        String scrape = scrape(ADMIN);

        assertThat(value(scrape, "purreflyt_cases_open", Map.of("stage", "REMINDER"))).isEqualByComparingTo("2");
        assertThat(value(scrape, "purreflyt_cases_open", Map.of("stage", "OVERDUE"))).isEqualByComparingTo("1");
        for (String stage : List.of("PURRING", "INKASSOVARSEL", "DISPUTED", "BLOCKED", "CONTACT_DATA_MISSING",
                "HANDED_OVER")) {
            assertThat(value(scrape, "purreflyt_cases_open", Map.of("stage", stage))).as(stage).isZero();
        }
        // REMINDER in NOK: INV-1 1000.00 - 400.00 paid = 600.00, INV-2 250.75; 600.00 + 250.75 = 850.75
        assertThat(value(scrape, "purreflyt_amount_outstanding", Map.of("stage", "REMINDER", "currency", "NOK")))
                .isEqualByComparingTo("850.75");
        assertThat(value(scrape, "purreflyt_amount_outstanding", Map.of("stage", "OVERDUE", "currency", "SEK")))
                .isEqualByComparingTo("3000.00");
        // INV-4's case is closed
        assertThat(value(scrape, "purreflyt_amount_outstanding", Map.of("stage", "OVERDUE", "currency", "NOK"))).isZero();
        assertThat(value(scrape, "purreflyt_amount_outstanding", Map.of("stage", "REMINDER", "currency", "SEK"))).isZero();
        // the two reminders, e-mailed
        assertThat(value(scrape, "purreflyt_notices", Map.of("status", "DELIVERED"))).isEqualByComparingTo("2");
        assertThat(value(scrape, "purreflyt_notices", Map.of("status", "CANCELLED"))).isZero();
        assertThat(value(scrape, "purreflyt_notice_deliveries", Map.of("channel", "EMAIL", "state", "SENT")))
                .isEqualByComparingTo("2");
        assertThat(value(scrape, "purreflyt_notice_deliveries", Map.of("channel", "EMAIL", "state", "FAILED"))).isZero();
        assertThat(value(scrape, "purreflyt_notice_deliveries", Map.of("channel", "POST", "state", "QUEUED"))).isZero();
        assertThat(value(scrape, "purreflyt_incidents", Map.of("type", "failedJob"))).isEqualByComparingTo("1");
        assertThat(value(scrape, "purreflyt_incidents", Map.of("type", "failedExternalTask"))).isZero();
    }

    @Test
    void everySeriesIsThereWithZeroWhenNothingIsOpen() {
        String scrape = scrape(ADMIN);

        for (String stage : DunningMetrics.STAGES) {
            assertThat(value(scrape, "purreflyt_cases_open", Map.of("stage", stage))).as(stage).isZero();
            for (String currency : List.of("NOK", "SEK")) {
                assertThat(value(scrape, "purreflyt_amount_outstanding", Map.of("stage", stage, "currency", currency)))
                        .as(stage + " " + currency).isZero();
            }
        }
        for (String status : List.of("PREPARED", "DELIVERED", "SKIPPED", "CANCELLED")) {
            assertThat(value(scrape, "purreflyt_notices", Map.of("status", status))).as(status).isZero();
        }
        assertThat(value(scrape, "purreflyt_incidents", Map.of("type", "failedJob"))).isZero();
        DunningMetrics.DELIVERY_STATES.forEach((channel, states) -> states.forEach(state ->
                assertThat(value(scrape, "purreflyt_notice_deliveries", Map.of("channel", channel, "state", state)))
                        .as(channel + " " + state).isZero()));
    }

    @Test
    void theMetricsAreForOperatorsAndCreditManagersOnly() {
        assertThat(http.getForEntity("/actuator/prometheus", String.class).getStatusCode().value()).isEqualTo(401);
        assertThat(as(CONTROLLER).getForEntity("/actuator/prometheus", String.class).getStatusCode().value())
                .isEqualTo(403);
        assertThat(as(MANAGER).getForEntity("/actuator/prometheus", String.class).getStatusCode().value())
                .isEqualTo(200);
        // the rest of the actuator stays the operators'
        assertThat(as(MANAGER).getForEntity("/actuator/info", String.class).getStatusCode().value()).isEqualTo(403);
    }

    private void pay(String invoice, String externalId, String amount) {
        ResponseEntity<?> response = post("/api/invoices/" + invoice + "/payments",
                Map.of("amount", amount, "paidOn", REMINDER_DAY.toString(), "externalId", externalId));
        assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(201);
        executeDueJobs();
    }

    private String scrape(String user) {
        ResponseEntity<String> response = as(user).getForEntity("/actuator/prometheus", String.class);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        return response.getBody();
    }

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)\\{([^}]*)\\} (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** The one sample of the metric whose labels include these; fails when there is none or more than one. */
    static BigDecimal value(String scrape, String metric, Map<String, String> labels) {
        List<BigDecimal> found = new ArrayList<>();
        for (String line : scrape.lines().toList()) {
            Matcher sample = SAMPLE.matcher(line);
            if (!sample.matches() || !sample.group(1).equals(metric)) {
                continue;
            }
            Map<String, String> its = new java.util.HashMap<>();
            Matcher label = LABEL.matcher(sample.group(2));
            while (label.find()) {
                its.put(label.group(1), label.group(2));
            }
            if (its.entrySet().containsAll(labels.entrySet())) {
                found.add(new BigDecimal(sample.group(3)));
            }
        }
        assertThat(found).as("samples of %s%s", metric, labels).hasSize(1);
        return found.get(0);
    }
}

package no.purreflyt.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.purreflyt.support.IntegrationTest;
import no.purreflyt.support.TestMail;
import org.springframework.http.ResponseEntity;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.beans.factory.annotation.Autowired;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;

/**
 * One case from due date to handover through the REST API and the clock endpoint alone, with the job executor
 * running as in production: the accounting system loads the invoice, the clock moves, a credit controller completes the
 * review and approval tasks through the engine's REST API (as Tasklist does), and the case API shows what happened.
 * The dates and fees are those of {@link DunningProcessIT}'s timeline.
 */
@TestPropertySource(properties = "camunda.bpm.job-execution.enabled=true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DunningRestIT extends IntegrationTest {

    @Autowired ProcessEngineConfigurationImpl engineConfiguration;

    /**
     * The context stays in Spring's test context cache, and its job executor would go on running the jobs of the tests
     * after this one, in the same database. (Closing the context instead would unregister the engine named "default"
     * that the other context's engine REST API looks up.)
     */
    @AfterAll
    void stopTheJobExecutor() {
        engineConfiguration.getJobExecutor().shutdown();
    }

    @Test
    void aCaseRunsFromDueDateToHandoverThroughTheApiAlone() throws Exception {
        post("/api/customers", Map.of("externalId", "K-1", "name", "Kari Nordmann", "type", "CONSUMER", "country", "NO",
                "email", "kari@example.no", "address", Map.of("line1", "Storgata 1", "postalCode", "0155", "city", "Oslo")));
        post("/api/invoices", Map.of("number", "F-1001", "customerExternalId", "K-1", "issueDate", "2026-02-12",
                "dueDate", "2026-02-26", "amount", "1000.00", "currency", "NOK", "kid", "10010"));
        assertThat(post("/api/dunning-runs", null).getBody().path("started").asInt()).isEqualTo(1);

        moveClockTo("2026-03-05");
        awaitNotices(1);
        moveClockTo("2026-03-13");
        completeTask("Review purring: F-1001 (Kari Nordmann)", "{\"decision\": {\"value\": \"SEND\"}}");
        awaitNotices(2);
        moveClockTo("2026-03-30");
        awaitNotices(3);
        moveClockTo("2026-04-14");
        completeTask("Review inkassovarsel: F-1001 (Kari Nordmann)", "{\"decision\": {\"value\": \"SEND\"}}");
        awaitNotices(4);
        moveClockTo("2026-04-29");
        completeTask("Approve handover: F-1001 (Kari Nordmann)", "{\"decision\": {\"value\": \"APPROVE\"}}");

        await().atMost(Duration.ofSeconds(30)).until(() -> "HANDED_OVER".equals(dunningCase().path("stage").asText()));
        List<String> notices = new ArrayList<>();
        dunningCase().path("notices").forEach(n -> notices.add(n.path("kind").asText() + " " + n.path("sendDate").asText()
                + " " + n.path("fee").decimalValue().setScale(2).toPlainString()));
        assertThat(notices).containsExactly("REMINDER 2026-03-05 0.00", "PURRING 2026-03-13 38.00",
                "PURRING 2026-03-30 38.00", "INKASSOVARSEL 2026-04-14 0.00");
        assertThat(dunningCase().path("status").asText()).as("the case follows the claim at the agency").isEqualTo("OPEN");

        // the reminder and the purringer went by e-mail, the inkassovarsel by post (the default delivery setting)
        List<String> subjects = new ArrayList<>();
        for (jakarta.mail.internet.MimeMessage mail : TestMail.received()) {
            subjects.add(mail.getSubject() + " to " + mail.getAllRecipients()[0]);
        }
        assertThat(subjects).containsExactly("Betalingspåminnelse – faktura F-1001 to kari@example.no",
                "Purring – faktura F-1001 to kari@example.no", "Purring nr. 2 – faktura F-1001 to kari@example.no");
        ResponseEntity<byte[]> printRun = as(ADMIN).getForEntity("/api/letters?date=2026-04-14", byte[].class);
        assertThat(printRun.getHeaders().getFirst("X-Letters")).isEqualTo("1");
        try (var pdf = org.apache.pdfbox.Loader.loadPDF(printRun.getBody())) {
            // 1000.00 + interest 12.00 % (2026-H1) from 2026-02-27 through 2026-04-14, 2 + 31 + 14 = 47 days:
            // 1000 x 0.12 x 47/365 = 15.45; the fees 38.00 + 38.00 of the two purringer and none of its own (the law
            // allows two fees per claim): 1000.00 + 15.45 + 76.00 = 1091.45; deadline 14 days on, 2026-04-28
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(pdf).replace('\u00a0', ' '))
                    .contains("Inkassovarsel", "Kari Nordmann", "Storgata 1", "0155 Oslo", "KID 10010",
                            "Å betale 1 091,45 NOK", "Betalingsfrist 28.04.2026")
                    .doesNotContainIgnoringCase("purring");
        }

        // the agency collects 1 076.00 (principal and both fees) and 20.38 interest (62 days × 1000 × 12 % / 365) and
        // says so in a callback signed with its secret, no login: the case ends Collected
        byte[] body = json.writeValueAsBytes(Map.of("callbackId", "ti-1", "invoiceNumber", "F-1001", "result", "PAID",
                "amount", "1096.38", "interest", "20.38"));
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("X-Purreflyt-Agency", "Test Inkasso AS");
        headers.set("X-Purreflyt-Timestamp", "1777464000");
        headers.set("X-Purreflyt-Signature", no.purreflyt.collection.HmacSignatures.sign("test-agency-secret",
                "1777464000", body));
        ResponseEntity<JsonNode> callback = http.exchange("/api/agency-callbacks", HttpMethod.POST,
                new org.springframework.http.HttpEntity<>(body, headers), JsonNode.class);
        assertThat(callback.getStatusCode().value()).as("%s", callback.getBody()).isEqualTo(200);
        assertThat(dunningCase().path("outcome").asText()).isEqualTo("COLLECTED");
        assertThat(dunningCase().path("status").asText()).isEqualTo("CLOSED");
    }

    private void moveClockTo(String date) {
        JsonNode moved = post("/api/admin/clock", Map.of("date", date, "time", "12:00")).getBody();
        assertThat(moved.path("date").asText()).isEqualTo(LocalDate.parse(date).toString());
    }

    private void awaitNotices(int delivered) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            int count = 0;
            for (JsonNode notice : dunningCase().path("notices")) {
                count += "DELIVERED".equals(notice.path("status").asText()) ? 1 : 0;
            }
            return count == delivered;
        });
    }

    /** As Tasklist: find the task in the credit controllers' list by its name, then complete it with the form's values. */
    private void completeTask(String name, String variables) {
        String[] id = new String[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode found = send(CONTROLLER, HttpMethod.GET, "/engine-rest/task?candidateGroup=credit-controllers"
                    + "&processInstanceBusinessKey=F-1001", MediaType.APPLICATION_JSON, null).getBody();
            for (JsonNode task : found) {
                if (name.equals(task.path("name").asText())) {
                    id[0] = task.path("id").asText();
                    return true;
                }
            }
            return false;
        });
        var completed = send(CONTROLLER, HttpMethod.POST, "/engine-rest/task/" + id[0] + "/complete",
                MediaType.APPLICATION_JSON, "{\"variables\": " + variables + "}");
        assertThat(completed.getStatusCode().value()).as("%s", completed.getBody()).isEqualTo(204);
    }

    private JsonNode dunningCase() {
        return get("/api/invoices/F-1001/case").getBody();
    }
}

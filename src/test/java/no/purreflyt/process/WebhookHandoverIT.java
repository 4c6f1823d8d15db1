package no.purreflyt.process;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A handover to an agency that takes its claims by webhook, played by WireMock on a local port: the message arrives
 * signed with the agency's secret; an agency that is down makes the job retry three times, five minutes apart, and then
 * an incident that names the agency's answer; retried when the agency is back, the claim goes over once more under the
 * same message id (the agency's key to drop a repeat) and the case goes on.
 *
 * <p>The plan: straight to the agency, automatically. The invoice: 1 000.00 NOK due 2026-02-26; the case opens on
 * 2026-03-02 and its handover is due the same day.
 */
class WebhookHandoverIT extends CaseIntegrationTest {

    static final String AGENCY = "Webhook Inkasso AS";
    static final String SECRET = "webhook-agency-secret";
    static final WireMockServer agencyServer = new WireMockServer(wireMockConfig().dynamicPort());

    static {
        agencyServer.start();
    }

    @DynamicPropertySource
    static void agencies(DynamicPropertyRegistry registry) {
        // a list set here replaces the whole list of application-test.yaml
        registry.add("purreflyt.collection.agencies[0].name", () -> "Test Inkasso AS");
        registry.add("purreflyt.collection.agencies[0].connector", () -> "FILE");
        registry.add("purreflyt.collection.agencies[0].directory", () -> "target/agency-exports/test-inkasso");
        registry.add("purreflyt.collection.agencies[0].secret", () -> "test-agency-secret");
        registry.add("purreflyt.collection.agencies[1].name", () -> AGENCY);
        registry.add("purreflyt.collection.agencies[1].connector", () -> "WEBHOOK");
        registry.add("purreflyt.collection.agencies[1].url", () -> agencyServer.baseUrl() + "/claims");
        registry.add("purreflyt.collection.agencies[1].secret", () -> SECRET);
        registry.add("purreflyt.collection.webhook-timeout", () -> "PT5S");
    }

    @AfterAll
    static void stopTheAgency() {
        agencyServer.stop();
    }

    @BeforeEach
    void aCaseOnAPlanThatHandsOverByWebhook() {
        init(engine);
        agencyServer.resetAll();
        JsonNode plan = send(ADMIN, HttpMethod.PUT, "/api/plans/webhook", MediaType.APPLICATION_JSON, Map.of(
                "name", "Straight to the agency", "feePolicy", "MILD",
                "handover", Map.of("approval", "AUTOMATIC", "agency", AGENCY))).getBody();
        assertThat(plan.path("key").asText()).as("%s", plan).isEqualTo("webhook");
        customer("NO-1", "CONSUMER", "NO");
        assertThat(send(ADMIN, HttpMethod.PUT, "/api/customers/NO-1/plan", MediaType.APPLICATION_JSON,
                Map.of("planKey", "webhook")).getStatusCode().is2xxSuccessful()).isTrue();
        invoice("INV-1", "NO-1", LocalDate.of(2026, 2, 26), "1000.00", "NOK");
    }

    @Test
    void theClaimArrivesSignedAndTheCaseWaitsInItsWithdrawalWindow() throws Exception {
        agencyServer.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post("/claims")
                .willReturn(aResponse().withStatus(202)));

        startTheCase();

        assertThat(instance).isWaitingAt(DunningModel.TASK_WITHDRAWAL_WINDOW);
        List<LoggedRequest> requests = agencyServer.findAll(postRequestedFor(urlEqualTo("/claims")));
        assertThat(requests).hasSize(1);
        LoggedRequest request = requests.get(0);
        // recomputed with javax.crypto: HMAC-SHA256(secret, timestamp + "." + body)
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((request.getHeader("X-Purreflyt-Timestamp") + ".").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String expected = "sha256=" + HexFormat.of().formatHex(mac.doFinal(request.getBody()));
        assertThat(request.getHeader("X-Purreflyt-Signature")).isEqualTo(expected);
        JsonNode message = json.readTree(request.getBody());
        assertThat(message.path("type").asText()).isEqualTo("HANDOVER");
        assertThat(message.path("invoiceNumber").asText()).isEqualTo("INV-1");
        assertThat(message.path("claim").path("principal").decimalValue()).isEqualByComparingTo("1000.00");
        assertThat(request.getHeader("X-Purreflyt-Message-Id")).isEqualTo(message.path("messageId").asText());
        assertThat(caseOf().path("handover").path("status").asText()).isEqualTo("SENT");
    }

    @Test
    void anAgencyThatIsDownGivesThreeAttemptsThenAnIncidentAndTheRetrySendsTheClaimOnce() {
        agencyServer.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post("/claims")
                .willReturn(aResponse().withStatus(503).withBody("maintenance until 14:00")));

        startTheCase();
        // the first attempt failed now; the next two five minutes apart
        for (LocalTime time : List.of(LocalTime.NOON.plusMinutes(6), LocalTime.NOON.plusMinutes(12))) {
            timeTravel.setDateTime(TODAY, time);
            executeDueJobs();
        }

        Job job = management.createJobQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(job.getRetries()).isZero();
        Incident incident = runtime.createIncidentQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(incident.getActivityId()).isEqualTo(DunningModel.TASK_HAND_OVER);
        assertThat(incident.getIncidentMessage()).contains(AGENCY, "503");
        // while the incident stands, the agencies' health names the agency and its answer (monitoring package)
        JsonNode agencies = get("/actuator/health/agencies").getBody();
        assertThat(agencies.path("status").asText()).isEqualTo("DOWN");
        assertThat(agencies.path("details").path(AGENCY).path("problems").toString())
                .contains("1 open incident(s)", "503", "maintenance until 14:00");
        assertThat(agencies.path("details").path("Test Inkasso AS").path("status").asText()).isEqualTo("UP");
        assertThat(agencyServer.findAll(postRequestedFor(urlEqualTo("/claims")))).hasSize(3);
        // nothing was recorded as handed over: every attempt rolled back
        assertThat(jdbc.sql("select count(*) from handover").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from posting").query(Long.class).single()).isZero();

        agencyServer.resetAll();
        agencyServer.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post("/claims")
                .willReturn(aResponse().withStatus(200)));
        management.setJobRetries(job.getId(), 1); // "Retry" in Cockpit
        management.executeJob(job.getId());
        executeDueJobs();

        assertThat(instance).isWaitingAt(DunningModel.TASK_WITHDRAWAL_WINDOW);
        assertThat(get("/actuator/health/agencies").getBody().path("status").asText()).isEqualTo("UP");
        List<LoggedRequest> after = agencyServer.findAll(postRequestedFor(urlEqualTo("/claims")));
        assertThat(after).hasSize(1);
        assertThat(after.get(0).getHeader("X-Purreflyt-Message-Id")).isEqualTo("purreflyt-case-"
                + caseOf().path("id").asLong() + "-handover");
        assertThat(caseOf().path("handover").path("status").asText()).isEqualTo("SENT");
        assertThat(jdbc.sql("select count(*) from posting where type = 'HANDOVER'").query(Long.class).single()).isOne();
    }

    private void startTheCase() {
        post("/api/dunning-runs", null);
        executeDueJobs();
        instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey("INV-1").singleResult();
        assertThat(instance).isNotNull();
    }
}

package no.purreflyt.collection;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import no.purreflyt.collection.CollectionProperties.Agency;
import no.purreflyt.collection.CollectionProperties.Connector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The WEBHOOK connector against an agency's endpoint played by WireMock on a local port. */
class WebhookConnectorTest {

    private static final String SECRET = "agency-shared-secret";
    private static final Instant NOW = Instant.parse("2026-03-02T11:00:00Z");
    private static final WireMockServer agencyServer = new WireMockServer(wireMockConfig().dynamicPort());

    private final ObjectMapper json = Messages.applicationJson();
    private WebhookConnector connector;

    @BeforeAll
    static void start() {
        agencyServer.start();
    }

    @AfterAll
    static void stop() {
        agencyServer.stop();
    }

    @BeforeEach
    void reset() {
        agencyServer.resetAll();
        // generous, so that a loaded build machine does not turn a quick answer into a timeout
        connector = connector(Duration.ofSeconds(5));
    }

    private WebhookConnector connector(Duration timeout) {
        Agency agency = new Agency("Hook Inkasso AS", Connector.WEBHOOK, null, null,
                URI.create(agencyServer.baseUrl() + "/purreflyt/messages"), SECRET);
        return new WebhookConnector(agency, timeout, json, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void theMessageArrivesAsSignedJsonWithItsIdAndTimestamp() throws Exception {
        agencyServer.stubFor(post("/purreflyt/messages").willReturn(aResponse().withStatus(202)));

        connector.send(Messages.handover("m-1", "Hook Inkasso AS", "INV-1", 41));

        List<LoggedRequest> requests = agencyServer.findAll(postRequestedFor(urlEqualTo("/purreflyt/messages")));
        assertThat(requests).hasSize(1);
        LoggedRequest request = requests.get(0);
        assertThat(request.getHeader("Content-Type")).startsWith("application/json");
        assertThat(request.getHeader("X-Purreflyt-Message-Id")).isEqualTo("m-1");
        assertThat(request.getHeader("X-Purreflyt-Timestamp")).isEqualTo(Long.toString(NOW.getEpochSecond()));
        // recomputed here with javax.crypto alone, not with HmacSignatures, so a mistake there cannot hide itself
        byte[] body = request.getBody();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] expected = mac.doFinal((NOW.getEpochSecond() + "." + new String(body, StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8));
        assertThat(request.getHeader("X-Purreflyt-Signature")).isEqualTo("sha256=" + HexFormat.of().formatHex(expected));

        JsonNode sent = json.readTree(body);
        assertThat(sent.get("messageId").asText()).isEqualTo("m-1");
        assertThat(sent.get("type").asText()).isEqualTo("HANDOVER");
        assertThat(sent.get("caseId").asLong()).isEqualTo(41);
        assertThat(sent.get("createdAt").asText()).isEqualTo("2026-03-02T11:00:00Z");
        assertThat(sent.at("/invoice/dueDate").asText()).isEqualTo("2025-12-15");
        assertThat(sent.at("/claim/total").decimalValue()).isEqualByComparingTo("1082.34");
        assertThat(Base64.getDecoder().decode(sent.at("/inkassovarsel/content").asText())).isEqualTo(Messages.PDF);
        // and it reads back into the same message
        assertThat(json.readValue(body, AgencyMessage.class)).isEqualTo(Messages.handover("m-1", "Hook Inkasso AS", "INV-1", 41));
    }

    @Test
    void anyTwoHundredAnswerIsAccepted() {
        agencyServer.stubFor(post("/purreflyt/messages").willReturn(aResponse().withStatus(200).withBody("{\"ok\":true}")));
        connector.send(Messages.payment("m-2", "Hook Inkasso AS", "INV-1", 41));
        agencyServer.stubFor(post("/purreflyt/messages").willReturn(aResponse().withStatus(204)));
        connector.send(Messages.payment("m-3", "Hook Inkasso AS", "INV-1", 41));

        assertThat(agencyServer.findAll(postRequestedFor(urlEqualTo("/purreflyt/messages")))).hasSize(2);
    }

    @Test
    void aServerErrorIsAnIncidentNamingTheStatusAndTheAgencysAnswer() {
        agencyServer.stubFor(post("/purreflyt/messages")
                .willReturn(aResponse().withStatus(500).withBody("database down\n" + "x".repeat(500))));

        assertThatThrownBy(() -> connector.send(Messages.handover("m-4", "Hook Inkasso AS", "INV-1", 41)))
                .isInstanceOf(AgencyUnavailableException.class)
                .hasMessageStartingWith("Agency Hook Inkasso AS answered 500 at " + agencyServer.baseUrl()
                        + "/purreflyt/messages: database down xxx")
                // the first 200 characters of the answer, not all of it
                .hasMessageNotContaining("x".repeat(201));
    }

    @Test
    void aRedirectIsNotAcceptance() {
        agencyServer.stubFor(post("/purreflyt/messages")
                .willReturn(aResponse().withStatus(302).withHeader("Location", "https://elsewhere.example/")));

        assertThatThrownBy(() -> connector.send(Messages.handover("m-5", "Hook Inkasso AS", "INV-1", 41)))
                .isInstanceOf(AgencyUnavailableException.class).hasMessageContaining("answered 302");
    }

    @Test
    void anAgencySlowerThanTheTimeoutIsAnIncident() {
        agencyServer.stubFor(post("/purreflyt/messages").willReturn(aResponse().withStatus(200).withFixedDelay(5_000)));
        WebhookConnector impatient = connector(Duration.ofMillis(300));

        long started = System.nanoTime();
        assertThatThrownBy(() -> impatient.send(Messages.handover("m-6", "Hook Inkasso AS", "INV-1", 41)))
                .isInstanceOf(AgencyUnavailableException.class)
                .hasMessage("Agency Hook Inkasso AS did not answer within 0.3 s at " + agencyServer.baseUrl()
                        + "/purreflyt/messages (purreflyt.collection.webhook-timeout)");
        // it gave up at the timeout instead of waiting for the slow answer
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(4_000));
    }

    @Test
    void anUnreachableAgencyIsAnIncident() {
        Agency nowhere = new Agency("Gone Inkasso AS", Connector.WEBHOOK, null, null,
                URI.create("http://127.0.0.1:1/messages"), SECRET);
        WebhookConnector gone = new WebhookConnector(nowhere, Duration.ofSeconds(2), json, Clock.fixed(NOW, ZoneOffset.UTC));

        assertThatThrownBy(() -> gone.send(Messages.handover("m-7", "Gone Inkasso AS", "INV-1", 41)))
                .isInstanceOf(AgencyUnavailableException.class)
                .hasMessageStartingWith("Agency Gone Inkasso AS could not be reached at http://127.0.0.1:1/messages");
    }

    @Test
    void aMessageForAnotherAgencyIsRefusedBeforeAnythingIsSent() {
        assertThatThrownBy(() -> connector.send(Messages.handover("m-8", "Other Inkasso AS", "INV-1", 41)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(agencyServer.getAllServeEvents()).isEmpty();
    }

    @Test
    void timeoutsReadAsSeconds() {
        assertThat(WebhookConnector.seconds(Duration.ofSeconds(10))).isEqualTo("10 s");
        assertThat(WebhookConnector.seconds(Duration.ofMillis(1500))).isEqualTo("1.5 s");
    }
}

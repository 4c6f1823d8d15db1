package no.purreflyt.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import no.purreflyt.collection.HmacSignatures;
import no.purreflyt.support.DatabaseSnapshot;
import no.purreflyt.support.IntegrationTest;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Hostile input to every endpoint of our API (the catalogue in {@link HostileCatalogue}): each request must be
 * answered with a 4xx — never a 5xx — as {@code application/problem+json} naming the field at fault, without a stack
 * trace or a class name of ours, and must leave every table of ours and Camunda's runtime tables as they were.
 */
class HostileInputIT extends IntegrationTest {

    static final LocalDate DUE = LocalDate.of(2026, 2, 26);
    static final LocalDate REMINDER_DAY = LocalDate.of(2026, 3, 5);

    /** What must never reach a client: a stack trace, or the names of our classes and the libraries'. */
    static final List<String> LEAKS = List.of("no.purreflyt.", "java.lang.", "org.springframework.", "com.fasterxml.",
            "org.hibernate", "org.postgresql", "freemarker.core.", "\tat ", "Exception:", "SQLState", "PSQLException");

    @LocalServerPort int port;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();

    @TestFactory
    Stream<DynamicTest> everyEndpointAnswersHostileInputWithA4xxProblemAndChangesNothing() {
        customer("NO-1", "CONSUMER", "NO");
        invoice("INV-1", "NO-1", DUE, "1000.00", "NOK");
        post("/api/dunning-runs", null);
        executeDueJobs();
        travelTo(REMINDER_DAY);
        long noticeId = get("/api/invoices/INV-1/case").getBody().path("notices").get(0).path("id").asLong();
        assertThat(noticeId).as("the reminder the fixture needs").isPositive();

        DatabaseSnapshot.Camera camera = DatabaseSnapshot.camera(jdbc);
        HostileCatalogue.Fixture fixture = new HostileCatalogue.Fixture("NO-1", "INV-1", noticeId, HostileInputIT::signed);
        return HostileCatalogue.api(fixture).stream()
                .map(request -> DynamicTest.dynamicTest(request.name(), () -> refusedWithoutChange(request, camera)));
    }

    static Map<String, String> signed(String body) {
        String timestamp = Long.toString(java.time.Instant.now().getEpochSecond());
        return Map.of("X-Purreflyt-Agency", "Test Inkasso AS", "X-Purreflyt-Timestamp", timestamp,
                "X-Purreflyt-Signature", HmacSignatures.sign("test-agency-secret", timestamp,
                        body.getBytes(StandardCharsets.UTF_8)));
    }

    void refusedWithoutChange(HostileRequest request, DatabaseSnapshot.Camera camera) throws Exception {
        DatabaseSnapshot before = camera.take();
        HttpResponse<String> response = send(request);
        DatabaseSnapshot after = camera.take();

        String body = response.body() == null ? "" : response.body();
        String shown = body.length() > 500 ? body.substring(0, 500) + "…" : body;
        int status = response.statusCode();
        if (request.status() != 0) {
            assertThat(status).as("status of %s: %s", request.name(), shown).isEqualTo(request.status());
        } else {
            assertThat(status).as("status of %s: %s", request.name(), shown).isBetween(400, 499);
        }
        for (String leak : LEAKS) {
            assertThat(body).as("the answer to %s shows no internals", request.name()).doesNotContain(leak);
        }
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        if (request.engineRest()) {
            assertThat(contentType).as("content type of %s: %s", request.name(), shown).startsWith("application/json");
            assertThat(json.readTree(body).path("message").asText()).as("message of %s", request.name()).isNotBlank();
        } else {
            assertThat(contentType).as("content type of %s: %s", request.name(), shown)
                    .startsWith("application/problem+json");
            JsonNode problem = json.readTree(body);
            assertThat(problem.path("status").asInt()).isEqualTo(status);
            assertThat(problem.path("detail").asText()).as("detail of %s", request.name()).isNotBlank();
            if (request.field() != null) {
                List<String> fields = new ArrayList<>();
                problem.path("errors").forEach(e -> fields.add(e.path("field").asText()));
                boolean toldInWords = problem.path("detail").asText().contains(request.field())
                        || problem.path("errors").findValuesAsText("message").stream().anyMatch(m -> m.contains(request.field()));
                assertThat(fields.contains(request.field()) || toldInWords)
                        .as("the answer to %s names the field %s: %s", request.name(), request.field(), shown).isTrue();
            }
        }
        assertThat(before.differencesTo(after)).as("tables changed by %s", request.name()).isEmpty();
    }

    HttpResponse<String> send(HostileRequest request) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + request.path()))
                .timeout(Duration.ofSeconds(120))
                .method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        if (request.contentType() != null) {
            builder.header("Content-Type", request.contentType());
        }
        if (request.user() != null) {
            builder.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (request.user() + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        request.headers().forEach(builder::header);
        return client.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}

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

    /**
     * Injection-shaped text is data when a valid request brings it: stored and answered exactly as sent, and set in a
     * letter as text (escaped), never run as SQL, HTML or FreeMarker.
     */
    @org.junit.jupiter.api.Test
    void injectionShapedTextInAValidRequestIsStoredVerbatimAndEscapedInTheLetter() throws Exception {
        String name = "Robert'); drop table invoice; --";
        String line1 = "<script>alert(1)</script>";
        String city = "${7*7} =cmd|' /C calc'!A0";
        assertCreated(post("/api/customers", Map.of("externalId", "R-1", "name", name, "type", "CONSUMER",
                "country", "NO", "email", "robert@example.com",
                "address", Map.of("line1", line1, "postalCode", "0155", "city", city))));
        invoice("INV-R1", "R-1", DUE, "1000.00", "NOK");

        JsonNode answered = get("/api/customers/R-1").getBody();
        assertThat(answered.path("name").asText()).isEqualTo(name);
        assertThat(answered.path("address").path("line1").asText()).isEqualTo(line1);
        assertThat(answered.path("address").path("city").asText()).isEqualTo(city);
        assertThat(jdbc.sql("select name from customer where external_id = 'R-1'").query(String.class).single())
                .isEqualTo(name);
        assertThat(jdbc.sql("select count(*) from invoice").query(Long.class).single()).isEqualTo(1);

        post("/api/dunning-runs", null);
        executeDueJobs();
        travelTo(REMINDER_DAY);
        long noticeId = get("/api/invoices/INV-R1/case").getBody().path("notices").get(0).path("id").asLong();
        var pdf = as(ADMIN).getForEntity("/api/notices/" + noticeId + "/pdf", byte[].class);
        assertThat(pdf.getStatusCode().value()).isEqualTo(200);
        String text;
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf.getBody())) {
            text = new org.apache.pdfbox.text.PDFTextStripper().getText(document).replace('\u00a0', ' ');
        }
        // the address block shows the text as written: had it been set as HTML, the script element would show nothing,
        // and FreeMarker would have printed 49
        assertThat(text).contains(name, line1, city);
    }

    // ---- the Camunda forms, submitted through the engine REST API to a task waiting with each

    static final LocalDate PURRING_1_DAY = LocalDate.of(2026, 3, 13);
    static final LocalDate PURRING_2_DAY = LocalDate.of(2026, 3, 30);
    static final LocalDate INKASSOVARSEL_DAY = LocalDate.of(2026, 4, 14);
    static final LocalDate HANDOVER_DAY = LocalDate.of(2026, 4, 29);
    /** The test plan's withdrawal window (10 days from the handover) has ended. */
    static final LocalDate AFTER_THE_WINDOW = LocalDate.of(2026, 5, 11);

    @org.springframework.beans.factory.annotation.Autowired org.camunda.bpm.engine.TaskService tasks;

    /**
     * Six cases, each waiting at a task with one of the six forms: review (a purring), resolve dispute, fix contact
     * data, approve handover, the withdrawal window and, after it, a payment after handover. Hostile submissions to
     * each must be answered 400 in the engine REST API's format, and leave the task, the case and our tables as they
     * were.
     */
    @TestFactory
    Stream<org.junit.jupiter.api.DynamicNode> everyFormRefusesHostileSubmissionsWith400AndChangesNothing() {
        for (String key : List.of("R", "D", "C", "H", "W", "P")) {
            customer("C-" + key, "CONSUMER", "NO");
            invoice("INV-" + key, "C-" + key, DUE, "1000.00", "NOK");
        }
        send(ADMIN, org.springframework.http.HttpMethod.PATCH, "/api/customers/C-C",
                org.springframework.http.MediaType.valueOf("application/merge-patch+json"), "{\"email\": null, \"address\": null}");
        post("/api/dunning-runs", null);
        executeDueJobs();
        assertCreated(post("/api/invoices/INV-D/disputes", Map.of("reason", "Goods never arrived")));
        executeDueJobs();
        travelTo(REMINDER_DAY);
        travelTo(PURRING_1_DAY);
        completeAll(List.of("H", "W", "P"), Map.of("decision", "SEND"));
        travelTo(PURRING_2_DAY);
        travelTo(INKASSOVARSEL_DAY);
        completeAll(List.of("H", "W", "P"), Map.of("decision", "SEND"));
        travelTo(HANDOVER_DAY);
        completeAll(List.of("W", "P"), Map.of("decision", "APPROVE"));

        DatabaseSnapshot.Camera camera = DatabaseSnapshot.camera(jdbc);
        Stream<org.junit.jupiter.api.DynamicNode> now = Stream.of(
                container("Form_ReviewNotice (Review purring)", "R", HostileForms.review()),
                container("Form_ResolveDispute", "D", HostileForms.dispute()),
                container("Form_FixContactData", "C", HostileForms.contactData()),
                container("Form_ApproveHandover", "H", HostileForms.handover()),
                container("Form_WithdrawalWindow", "W", HostileForms.withdrawal()))
                .map(c -> c.apply(camera));
        // the payment after handover comes once the window has ended, so after the cases above have run
        Stream<org.junit.jupiter.api.DynamicNode> later = Stream.of("P").flatMap(key -> {
            travelTo(AFTER_THE_WINDOW);
            assertCreated(post("/api/invoices/INV-P/payments", Map.of("amount", "1076.00",
                    "paidOn", AFTER_THE_WINDOW.toString(), "externalId", "P-P")));
            executeDueJobs();
            return Stream.of(container("Form_PaymentAfterHandover", "P", HostileForms.payment()).apply(camera));
        });
        return Stream.concat(now, later);
    }

    private void completeAll(List<String> keys, Map<String, Object> values) {
        identity.setAuthentication(CONTROLLER, java.util.List.of(no.purreflyt.web.Groups.CREDIT_CONTROLLERS));
        try {
            for (String key : keys) {
                tasks.complete(taskOf(key).getId(), new java.util.HashMap<>(values));
            }
        } finally {
            identity.clearAuthentication();
        }
        executeDueJobs();
    }

    private org.camunda.bpm.engine.task.Task taskOf(String key) {
        org.camunda.bpm.engine.task.Task task = tasks.createTaskQuery().processInstanceBusinessKey("INV-" + key)
                .singleResult();
        assertThat(task).as("the task of INV-%s", key).isNotNull();
        return task;
    }

    private java.util.function.Function<DatabaseSnapshot.Camera, org.junit.jupiter.api.DynamicNode> container(
            String form, String key, List<HostileForms.Submission> submissions) {
        return camera -> {
            String taskId = taskOf(key).getId();
            return org.junit.jupiter.api.DynamicContainer.dynamicContainer(form, submissions.stream()
                    .map(submission -> DynamicTest.dynamicTest(form + ": " + submission.name(), () -> refusedWithoutChange(
                            new HostileRequest(submission.name(), "POST", "/engine-rest/task/" + taskId + "/submit-form",
                                    HostileRequest.JSON, submission.body().getBytes(StandardCharsets.UTF_8), Map.of(),
                                    400, null, ADMIN), camera))));
        };
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

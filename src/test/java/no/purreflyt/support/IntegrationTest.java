package no.purreflyt.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import no.purreflyt.clock.TimeTravel;
import java.time.LocalTime;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application on PostgreSQL with a real HTTP port, job executor off (tests run jobs
 * themselves), no demo data. Every test starts from empty tables on a fixed business date.
 */
@ExtendWith(TestDatabase.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
// metrics exported as in production (/actuator/prometheus, monitoring package): a Spring Boot test switches the export
// off unless told; on every test class alike, so that they still share one cached context
@AutoConfigureObservability(tracing = false)
public abstract class IntegrationTest {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(IntegrationTest.class);

    /** A Monday. */
    protected static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
    /** Every test's time of day: after the 11:00 at which the process's timers fire on their day. */
    protected static final LocalTime NOON = LocalTime.NOON;

    protected static final String ADMIN = "test-admin";
    protected static final String CONTROLLER = "test-controller";
    protected static final String MANAGER = "test-manager";
    protected static final String DESIGNER = "test-designer";
    protected static final String ACCOUNTING = "test-accounting";
    protected static final String PASSWORD = "S3cret-for-tests";

    @Autowired protected TestRestTemplate http;
    @Autowired protected JdbcClient jdbc;
    @Autowired protected RuntimeService runtime;
    @Autowired protected ManagementService management;
    @Autowired protected IdentityService identity;
    @Autowired protected TimeTravel timeTravel;
    @Autowired protected ObjectMapper json;
    @Autowired protected no.purreflyt.plan.Plans plans;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> TestMail.PORT);
    }

    @BeforeEach
    void cleanState() {
        List<String> instances = runtime.createProcessInstanceQuery().list().stream().map(ProcessInstance::getId).toList();
        if (!instances.isEmpty()) {
            runtime.deleteProcessInstances(instances, "test clean-up", true, true);
        }
        TestMail.purge();
        for (String table : List.of("notice_document", "notice_delivery", "notice_template", "app_setting",
                "invoice_document", "posting", "agency_callback", "agency_export_message", "agency_export_batch", "notice", "handover", "dispute", "dunning_case", "payment", "credit_note", "invoice",
                "customer_plan", "customer", "dunning_run", "dunning_plan_version", "dunning_plan")) {
            jdbc.sql("delete from " + table).update();
        }
        plans.seed();
        ensureUser(ADMIN, "camunda-admin");
        ensureUser(CONTROLLER, "credit-controllers");
        ensureUser(MANAGER, "credit-managers");
        ensureUser(DESIGNER, "process-designers");
        ensureUser(ACCOUNTING, "accounting-systems");
        timeTravel.setDateTime(TODAY, NOON);
    }

    /** Moves the business clock to noon of the day and runs every job that is due then, as the job executor would. */
    protected void travelTo(LocalDate day) {
        timeTravel.setDateTime(day, NOON);
        executeDueJobs();
    }

    /**
     * Executes due jobs (timers, async continuations) until none is due, like the job executor. A failing job counts
     * down its retries and waits for its retry time, as it would in production.
     */
    protected void executeDueJobs() {
        for (int round = 0; round < 500; round++) {
            List<Job> due = management.createJobQuery().executable().list();
            if (due.isEmpty()) {
                return;
            }
            for (Job job : due) {
                try {
                    management.executeJob(job.getId());
                } catch (RuntimeException failed) {
                    // the job's retries went down; the test asserts what that leads to
                    log.info("Job {} at {} failed: {}", job.getId(), job.getProcessInstanceId(), failed.getMessage());
                }
            }
        }
        throw new AssertionError("Jobs still due after 500 rounds: a loop in the model?");
    }

    private void ensureUser(String id, String group) {
        if (identity.createUserQuery().userId(id).count() == 0) {
            User user = identity.newUser(id);
            user.setPassword(PASSWORD);
            identity.saveUser(user);
            identity.createMembership(id, group);
        }
    }

    // ---- HTTP as an integrator would call it

    protected TestRestTemplate as(String user) {
        return http.withBasicAuth(user, PASSWORD);
    }

    protected ResponseEntity<JsonNode> get(String path) {
        return as(ADMIN).getForEntity(path, JsonNode.class);
    }

    protected ResponseEntity<JsonNode> post(String path, Object body) {
        return send(ADMIN, HttpMethod.POST, path, MediaType.APPLICATION_JSON, body);
    }

    protected ResponseEntity<JsonNode> send(String user, HttpMethod method, String path, MediaType type, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(type);
        Object payload = body instanceof String || body == null ? body : json.valueToTree(body).toString();
        return as(user).exchange(path, method, new HttpEntity<>(payload, headers), JsonNode.class);
    }

    // ---- test data through the API

    /** A customer with an e-mail address and a postal address (an inkassovarsel goes by post unless set otherwise). */
    protected JsonNode customer(String externalId, String type, String country) {
        ResponseEntity<JsonNode> response = post("/api/customers", Map.of(
                "externalId", externalId, "name", "Customer " + externalId, "type", type, "country", country,
                "email", externalId.toLowerCase() + "@example.com",
                "address", Map.of("line1", "Storgata 1", "postalCode", "0155", "city", "Oslo")));
        assertCreated(response);
        return response.getBody();
    }

    protected JsonNode invoice(String number, String customer, LocalDate dueDate, String amount, String currency) {
        ResponseEntity<JsonNode> response = post("/api/invoices", Map.of(
                "number", number, "customerExternalId", customer, "issueDate", dueDate.minusDays(14).toString(),
                "dueDate", dueDate.toString(), "amount", amount, "currency", currency));
        assertCreated(response);
        return response.getBody();
    }

    protected static void assertCreated(ResponseEntity<JsonNode> response) {
        if (response.getStatusCode().value() != 201) {
            throw new AssertionError("expected 201, got " + response.getStatusCode() + ": " + response.getBody());
        }
    }
}

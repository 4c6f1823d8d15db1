package no.purreflyt.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.purreflyt.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Camunda's authorizations per group, as the webapps and the engine REST API apply them: controllers work their tasks
 * from the filters made for them, managers read without changing, designers deploy, and the webapps keep their CSRF
 * protection.
 */
class CamundaAuthorizationIT extends IntegrationTest {

    @Test
    void aControllerFindsADisputeInTheDisputesFilterAndResolvesIt() {
        String processInstanceId = disputedCase();

        JsonNode filters = engine(CONTROLLER, HttpMethod.GET, "/engine-rest/filter?resourceType=Task", null).getBody();
        List<String> names = new ArrayList<>();
        filters.forEach(filter -> names.add(filter.path("name").asText()));
        assertThat(names).contains("To review", "Handover approvals", "Disputes", "Contact problems", "With the agency")
                .doesNotContain("All tasks");

        JsonNode disputes = engine(CONTROLLER, HttpMethod.GET, "/engine-rest/filter/" + filterId(filters, "Disputes") + "/list", null)
                .getBody();
        JsonNode toReview = engine(CONTROLLER, HttpMethod.GET, "/engine-rest/filter/" + filterId(filters, "To review") + "/list", null)
                .getBody();
        assertThat(disputes).hasSize(1);
        assertThat(disputes.get(0).path("name").asText()).startsWith("Resolve dispute");
        assertThat(toReview).isEmpty();
        String taskId = disputes.get(0).path("id").asText();

        // a controller works the task through its form, and cannot rewrite the case's variables beside it
        Object caseId = runtime.getVariable(processInstanceId, "caseId");
        assertThat(engine(CONTROLLER, HttpMethod.PUT, "/engine-rest/task/" + taskId + "/variables/caseId",
                "{\"value\": 999999, \"type\": \"Long\"}").getStatusCode().value()).isEqualTo(403);
        assertThat(engine(CONTROLLER, HttpMethod.PUT, "/engine-rest/process-instance/" + processInstanceId + "/variables/caseId",
                "{\"value\": 999999, \"type\": \"Long\"}").getStatusCode().value()).isEqualTo(403);
        assertThat(runtime.getVariable(processInstanceId, "caseId")).isEqualTo(caseId);

        // Tasklist shows the task's Camunda Form, then claims and submits it
        ResponseEntity<JsonNode> form = engine(CONTROLLER, HttpMethod.GET, "/engine-rest/task/" + taskId + "/deployed-form", null);
        assertThat(form.getStatusCode().value()).as("%s", form.getBody()).isEqualTo(200);
        assertThat(engine(CONTROLLER, HttpMethod.POST, "/engine-rest/task/" + taskId + "/claim", "{\"userId\":\"" + CONTROLLER + "\"}")
                .getStatusCode().value()).isEqualTo(204);
        ResponseEntity<JsonNode> submitted = engine(CONTROLLER, HttpMethod.POST, "/engine-rest/task/" + taskId + "/submit-form",
                "{\"variables\":{\"resolution\":{\"value\":\"RESUME\"},\"note\":{\"value\":\"Goods were delivered\"}}}");
        assertThat(submitted.getStatusCode().value()).as("%s", submitted.getBody()).isIn(200, 204);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count()).isOne();
        assertThat(taskService().createTaskQuery().taskId(taskId).count()).isZero();
        assertThat(jdbc.sql("select resolution || ' by ' || resolved_by from dispute").query(String.class).single())
                .isEqualTo("RESUME by " + CONTROLLER);
    }

    @Test
    void tasklistsOwnPathTakesOnlyTheFormsKeysAndAnswersARefusalWith400() {
        String processInstanceId = disputedCase();
        String taskId = taskId();
        Object caseId = runtime.getVariable(processInstanceId, "caseId");
        Webapp tasklist = Webapp.open(http);
        assertThat(tasklist.post("/camunda/api/admin/auth/user/default/login/tasklist", loginForm(CONTROLLER),
                MediaType.APPLICATION_FORM_URLENCODED, true).getStatusCode().value()).isEqualTo(200);
        tasklist.get("/camunda/api/admin/auth/user/default");
        String submit = "/camunda/api/engine/engine/default/task/" + taskId + "/submit-form";

        ResponseEntity<String> smuggled = tasklist.post(submit, "{\"variables\":{\"resolution\":{\"value\":\"RESUME\"},"
                + "\"note\":{\"value\":\"ok\"},\"caseId\":{\"value\":1,\"type\":\"Long\"}}}", MediaType.APPLICATION_JSON, true);
        ResponseEntity<String> otherPath = tasklist.post("/engine-rest/engine/default/task/" + taskId + "/complete/",
                "{\"variables\":{\"outstanding\":{\"value\":\"1.00\"}}}", MediaType.APPLICATION_JSON, true);
        ResponseEntity<JsonNode> otherPathBasic = engine(CONTROLLER, HttpMethod.POST,
                "/engine-rest/engine/default/task/" + taskId + "/complete/", "{\"variables\":{\"outstanding\":{\"value\":\"1.00\"}}}");
        ResponseEntity<String> noNote = tasklist.post(submit, "{\"variables\":{\"resolution\":{\"value\":\"RESUME\"}}}",
                MediaType.APPLICATION_JSON, true);
        ResponseEntity<JsonNode> noSuchTask = engine(CONTROLLER, HttpMethod.POST, "/engine-rest/task/no-such-task/complete",
                "{\"variables\":{\"x\":{\"value\":\"1\"}}}");

        assertThat(smuggled.getStatusCode().value()).as("%s", smuggled.getBody()).isEqualTo(400);
        assertThat(smuggled.getBody()).contains("[caseId] is no field of its form");
        assertThat(otherPathBasic.getStatusCode().value()).as("%s", otherPathBasic.getBody()).isEqualTo(400);
        assertThat(noNote.getStatusCode().value()).as("%s", noNote.getBody()).isEqualTo(400);
        assertThat(noSuchTask.getStatusCode().value()).as("%s", noSuchTask.getBody()).isEqualTo(400);
        assertThat(noSuchTask.getBody().path("message").asText()).contains("There is no task no-such-task");
        assertThat(runtime.getVariable(processInstanceId, "caseId")).isEqualTo(caseId);
        assertThat(runtime.getVariable(processInstanceId, "outstanding")).isNotEqualTo("1.00");
        assertThat(taskService().createTaskQuery().taskId(taskId).count()).isOne();
        assertThat(otherPath.getStatusCode().value()).as("a browser's session is no login to the engine REST API")
                .isEqualTo(401);

        ResponseEntity<String> answered = tasklist.post(submit, "{\"variables\":{\"resolution\":{\"value\":\"RESUME\"},"
                + "\"note\":{\"value\":\"Goods were delivered\"}}}", MediaType.APPLICATION_JSON, true);
        assertThat(answered.getStatusCode().value()).as("%s", answered.getBody()).isEqualTo(204);
        assertThat(taskService().createTaskQuery().taskId(taskId).count()).isZero();
    }

    @Test
    void aManagerReadsEveryCaseButCannotWorkTasks() {
        String processInstanceId = disputedCase();
        String taskId = taskId();

        ResponseEntity<JsonNode> instance = engine(MANAGER, HttpMethod.GET, "/engine-rest/process-instance/" + processInstanceId, null);
        ResponseEntity<JsonNode> variables = engine(MANAGER, HttpMethod.GET,
                "/engine-rest/process-instance/" + processInstanceId + "/variables", null);
        ResponseEntity<JsonNode> history = engine(MANAGER, HttpMethod.GET,
                "/engine-rest/history/activity-instance?processInstanceId=" + processInstanceId, null);
        ResponseEntity<JsonNode> complete = engine(MANAGER, HttpMethod.POST, "/engine-rest/task/" + taskId + "/complete",
                "{\"variables\":{\"resolution\":{\"value\":\"CLOSE\"},\"note\":{\"value\":\"x\"}}}");
        ResponseEntity<JsonNode> delete = engine(MANAGER, HttpMethod.DELETE, "/engine-rest/process-instance/" + processInstanceId, null);

        assertThat(instance.getStatusCode().value()).isEqualTo(200);
        assertThat(variables.getBody().path("invoiceNumber").path("value").asText()).isEqualTo("INV-1");
        assertThat(history.getBody()).isNotEmpty();
        assertThat(complete.getStatusCode().value()).isEqualTo(403);
        assertThat(delete.getStatusCode().value()).isEqualTo(403);
        assertThat(taskService().createTaskQuery().taskId(taskId).count()).isOne();
    }

    @Test
    void aControllerCannotDeployButADesignerCanAndNobodyElseSeesTheInstancesTheyMayNot() {
        ResponseEntity<JsonNode> byController = deploy(CONTROLLER);
        ResponseEntity<JsonNode> byManager = deploy(MANAGER);
        ResponseEntity<JsonNode> byDesigner = deploy(DESIGNER);

        assertThat(byController.getStatusCode().value()).isEqualTo(403);
        assertThat(byManager.getStatusCode().value()).isEqualTo(403);
        assertThat(byDesigner.getStatusCode().value()).as("%s", byDesigner.getBody()).isEqualTo(200);
        String deploymentId = byDesigner.getBody().path("id").asText();
        try {
            assertThat(engine(DESIGNER, HttpMethod.GET, "/engine-rest/process-definition?key=authorizationProbe", null).getBody())
                    .hasSize(1);
            // the accounting system has no business in Camunda at all
            assertThat(engine(ACCOUNTING, HttpMethod.GET, "/engine-rest/process-definition?key=authorizationProbe", null).getBody())
                    .isEmpty();
        } finally {
            assertThat(engine(DESIGNER, HttpMethod.DELETE, "/engine-rest/deployment/" + deploymentId, null).getStatusCode().value())
                    .isEqualTo(204);
        }
    }

    @Test
    void eachGroupOpensOnlyItsOwnWebapps() {
        assertThat(webappLogin(CONTROLLER, "tasklist").getStatusCode().value()).isEqualTo(200);
        assertThat(webappLogin(CONTROLLER, "cockpit").getStatusCode().value()).isEqualTo(403);
        assertThat(webappLogin(CONTROLLER, "admin").getStatusCode().value()).isEqualTo(403);
        assertThat(webappLogin(MANAGER, "cockpit").getStatusCode().value()).isEqualTo(200);
        assertThat(webappLogin(MANAGER, "admin").getStatusCode().value()).isEqualTo(403);
        assertThat(webappLogin(DESIGNER, "cockpit").getStatusCode().value()).isEqualTo(200);
        assertThat(webappLogin(DESIGNER, "tasklist").getStatusCode().value()).isEqualTo(403);
        assertThat(webappLogin(ACCOUNTING, "tasklist").getStatusCode().value()).isEqualTo(403);
        assertThat(webappLogin(ADMIN, "admin").getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void theWebappsRefuseALoginOrAChangeWithoutTheirCsrfToken() {
        Webapp browser = Webapp.open(http);
        ResponseEntity<String> loginWithoutToken = browser.post("/camunda/api/admin/auth/user/default/login/admin",
                loginForm(ADMIN), MediaType.APPLICATION_FORM_URLENCODED, false);
        assertThat(loginWithoutToken.getStatusCode().value()).isEqualTo(403);
        assertThat(loginWithoutToken.getHeaders().getFirst("X-XSRF-TOKEN")).isEqualTo("Required");

        browser = Webapp.open(http);
        assertThat(browser.post("/camunda/api/admin/auth/user/default/login/admin", loginForm(ADMIN),
                MediaType.APPLICATION_FORM_URLENCODED, true).getStatusCode().value()).isEqualTo(200);
        // the login began a new session; the page's next read hands out that session's token
        browser.get("/camunda/api/admin/auth/user/default");
        // a request from the page itself, which echoes the token, goes through
        ResponseEntity<String> genuine = browser.post("/camunda/api/engine/engine/default/user/create", newUser("csrf-genuine"),
                MediaType.APPLICATION_JSON, true);
        assertThat(genuine.getStatusCode().value()).as("%s", genuine.getBody()).isEqualTo(204);
        identity.deleteUser("csrf-genuine");

        // the same request forged from another site, with the session cookie but without the token, is refused
        ResponseEntity<String> forged = browser.post("/camunda/api/engine/engine/default/user/create", newUser("csrf-victim"),
                MediaType.APPLICATION_JSON, false);
        assertThat(forged.getStatusCode().value()).isEqualTo(403);
        assertThat(identity.createUserQuery().userId("csrf-victim").count()).isZero();
    }

    private static String newUser(String id) {
        return "{\"profile\":{\"id\":\"" + id + "\"},\"credentials\":{\"password\":\"Whatever-123\"}}";
    }

    /** A browser on the webapps: the session and CSRF cookies they hand out, echoed the way their pages do. */
    private record Webapp(org.springframework.boot.test.web.client.TestRestTemplate http, java.util.Map<String, String> cookies) {

        static Webapp open(org.springframework.boot.test.web.client.TestRestTemplate http) {
            Webapp browser = new Webapp(http, new java.util.LinkedHashMap<>());
            browser.remember(http.getForEntity("/camunda/app/welcome/default/", String.class));
            assertThat(browser.cookies()).containsKey("XSRF-TOKEN");
            return browser;
        }

        ResponseEntity<String> get(String path) {
            HttpHeaders headers = new HttpHeaders();
            headers.add(HttpHeaders.COOKIE, cookieHeader());
            return remember(http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class));
        }

        private String cookieHeader() {
            return String.join("; ", cookies.entrySet().stream().map(cookie -> cookie.getKey() + "=" + cookie.getValue()).toList());
        }

        ResponseEntity<String> post(String path, Object body, MediaType type, boolean withToken) {
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(type);
            headers.add(HttpHeaders.COOKIE, cookieHeader());
            if (withToken) {
                headers.add("X-XSRF-TOKEN", cookies.get("XSRF-TOKEN"));
            }
            return remember(http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class));
        }

        private ResponseEntity<String> remember(ResponseEntity<String> response) {
            for (String cookie : response.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE)) {
                String pair = cookie.split(";", 2)[0];
                cookies.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
            }
            return response;
        }
    }

    // ---- helpers

    /** An overdue invoice whose case is running, disputed by the debtor: a "Resolve dispute" task waits. */
    private String disputedCase() {
        customer("NO-1", "CONSUMER", "NO");
        invoice("INV-1", "NO-1", LocalDate.of(2026, 2, 10), "1000.00", "NOK");
        assertThat(post("/api/dunning-runs", Map.of()).getStatusCode().is2xxSuccessful()).isTrue();
        executeDueJobs();
        assertThat(post("/api/invoices/INV-1/disputes", Map.of("reason", "Goods never arrived")).getStatusCode().value())
                .isEqualTo(201);
        executeDueJobs();
        assertThat(taskService().createTaskQuery().taskDefinitionKey("Task_ResolveDispute").count()).isOne();
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey("INV-1").singleResult().getId();
    }

    private String taskId() {
        return taskService().createTaskQuery().taskDefinitionKey("Task_ResolveDispute").singleResult().getId();
    }

    private org.camunda.bpm.engine.TaskService taskService() {
        return org.camunda.bpm.engine.ProcessEngines.getDefaultProcessEngine().getTaskService();
    }

    private static String filterId(JsonNode filters, String name) {
        for (JsonNode filter : filters) {
            if (name.equals(filter.path("name").asText())) {
                return filter.path("id").asText();
            }
        }
        throw new AssertionError("No filter " + name + " in " + filters);
    }

    private ResponseEntity<JsonNode> engine(String user, HttpMethod method, String path, String body) {
        return send(user, method, path, MediaType.APPLICATION_JSON, body);
    }

    private ResponseEntity<JsonNode> deploy(String user) {
        String bpmn = """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_Probe" targetNamespace="probe">
                  <bpmn:process id="authorizationProbe" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <bpmn:startEvent id="StartEvent_Probe"/>
                  </bpmn:process>
                </bpmn:definitions>
                """;
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("deployment-name", "authorization-probe");
        parts.add("data", new ByteArrayResource(bpmn.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "probe.bpmn";
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return as(user).exchange("/engine-rest/deployment/create", HttpMethod.POST, new HttpEntity<>(parts, headers), JsonNode.class);
    }

    private ResponseEntity<String> webappLogin(String user, String app) {
        return Webapp.open(http).post("/camunda/api/admin/auth/user/default/login/" + app, loginForm(user),
                MediaType.APPLICATION_FORM_URLENCODED, true);
    }

    private static MultiValueMap<String, String> loginForm(String user) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", user);
        form.add("password", PASSWORD);
        return form;
    }
}

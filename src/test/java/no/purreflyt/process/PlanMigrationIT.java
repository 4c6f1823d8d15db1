package no.purreflyt.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/**
 * Moving running cases to a new version of their plan (POST /api/plans/{key}/migrations): the case's history is fitted
 * to the new version, its process moves to the latest model where that changed, and it goes on without sending a
 * notice twice. The case: INV-1, 1 000.00 NOK due 2026-02-26, on the test plan "standard" v1 (free reminder day 7,
 * purring 1 reviewed, purring 2, inkassovarsel reviewed, handover approved).
 */
class PlanMigrationIT extends CaseIntegrationTest {

    @Autowired RepositoryService repository;

    @BeforeEach
    void aCaseOnVersion1() {
        init(engine);
        customer("NO-1", "CONSUMER", "NO");
        invoice("INV-1", "NO-1", LocalDate.of(2026, 2, 26), "1000.00", "NOK");
        post("/api/dunning-runs", null);
        executeDueJobs();
        instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey("INV-1").singleResult();
    }

    /** The changed model stays deployed in the shared test database: the model as shipped becomes the latest again. */
    @AfterEach
    void theShippedModelIsTheLatestAgain() {
        ModelDeployment.deploy(repository);
    }

    /** The test plan with {@code reminders} free reminders a week apart and the given purringer. */
    private void saveVersion2(int reminders, List<Map<String, Object>> purringer) {
        Map<String, Object> plan = new HashMap<>();
        plan.put("name", "Test standard, version 2");
        plan.put("feePolicy", "STRICT");
        plan.put("reminders", Map.of("count", reminders, "daysAfterDue", 7, "everyDays", 7, "deadlineDays", 7));
        plan.put("purringer", purringer);
        plan.put("inkassovarsel", Map.of("daysAfterDue", 14, "deadlineDays", 14, "mode", "CREATE_ONLY"));
        plan.put("handover", Map.of("approval", "MANUAL", "agency", "Test Inkasso AS"));
        var saved = send(ADMIN, HttpMethod.PUT, "/api/plans/standard", MediaType.APPLICATION_JSON, plan);
        assertThat(saved.getBody().path("version").asInt()).as("%s", saved.getBody()).isEqualTo(2);
    }

    private static List<Map<String, Object>> twoPurringer() {
        return List.of(Map.of("daysAfterDue", 14, "deadlineDays", 14, "mode", "CREATE_ONLY"),
                Map.of("daysAfterDue", 14, "deadlineDays", 14));
    }

    private JsonNode migrate(Object request) {
        return post("/api/plans/standard/migrations", request).getBody();
    }

    /** The case's notices as "planStep KIND STATUS". */
    private List<String> steps() {
        List<String> lines = new ArrayList<>();
        caseOf().path("notices").forEach(n -> lines.add(n.path("planStep").asInt() + " " + n.path("kind").asText() + " "
                + n.path("status").asText()));
        return lines;
    }

    /** Deploys the model again with a changed process name: a new version of the dunning process, as a designer would. */
    private ProcessDefinition deployChangedModel() {
        return deployModel(new String(ModelDeployment.resources().get("processes/dunning.bpmn"), StandardCharsets.UTF_8)
                .replace("name=\"Dunning\"", "name=\"Dunning (changed)\"").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Starts the case of invoice INV-OLD (800.00, due 2026-02-26) on an earlier model of the dunning process, then
     * deploys the shipped model again as the latest; the case stays on the model it started on.
     */
    private void startOldCaseOn(String model) throws java.io.IOException {
        try (var old = getClass().getResourceAsStream(model)) {
            ProcessDefinition before = deployModel(old.readAllBytes());
            invoice("INV-OLD", "NO-1", LocalDate.of(2026, 2, 26), "800.00", "NOK");
            post("/api/dunning-runs", null);
            executeDueJobs();
            invoiceNumber = "INV-OLD";
            instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey("INV-OLD").singleResult();
            assertThat(instance.getProcessDefinitionId()).isEqualTo(before.getId());
        }
        ModelDeployment.deploy(repository);
    }

    /** Deploys this dunning model with the shipped forms and decision, as the latest version. */
    private ProcessDefinition deployModel(byte[] model) {
        DeploymentBuilder deployment = repository.createDeployment().name(ModelDeployment.NAME);
        ModelDeployment.resources().forEach((name, bytes) -> deployment.addInputStream(name,
                new ByteArrayInputStream(name.equals("processes/dunning.bpmn") ? model : bytes)));
        String id = deployment.deploy().getId();
        return repository.createProcessDefinitionQuery().deploymentId(id).processDefinitionKey(DunningModel.PROCESS_ID)
                .singleResult();
    }

    @Test
    void aMovedCaseGoesOnWhereItStoppedOnTheNewModelAndSendsNothingTwice() {
        travelTo(LocalDate.of(2026, 3, 5));
        travelTo(LocalDate.of(2026, 3, 13));
        complete(task(), Map.of("decision", "SEND"));
        assertThat(steps()).containsExactly("0 REMINDER DELIVERED", "1 PURRING DELIVERED");
        // version 2 has two free reminders: the second one (its step 1) comes before the purring the case has sent
        saveVersion2(2, twoPurringer());
        ProcessDefinition changed = deployChangedModel();

        JsonNode report = migrate(Map.of());

        assertThat(report.path("moved")).singleElement().satisfies(moved -> {
            assertThat(moved.path("invoiceNumber").asText()).isEqualTo("INV-1");
            assertThat(moved.path("fromVersion").asInt()).isEqualTo(1);
            assertThat(moved.path("toVersion").asInt()).isEqualTo(2);
            assertThat(moved.path("modelMigrated").asBoolean()).isTrue();
        });
        assertThat(report.path("notMoved")).isEmpty();
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()
                .getProcessDefinitionId()).isEqualTo(changed.getId());
        assertThat(caseOf().path("planVersion").asInt()).isEqualTo(2);
        // the reminder keeps step 0, the purring moves to step 2, the second reminder is skipped, not sent late
        assertThat(steps()).containsExactly("0 REMINDER DELIVERED", "1 REMINDER SKIPPED", "2 PURRING DELIVERED");
        assertThat(caseOf().path("notices").get(1).path("feeReason").asText()).isEqualTo("Not part of the plan when the "
                + "case passed this point; the case moved from standard v1 to standard v2");
        executeDueJobs();
        assertThat(instance).hasPassed("Event_PlanChanged").isWaitingAt(DunningModel.EVENT_PURRING_DUE);

        // purring 2 on its day (after purring 1's deadline 03-27: Monday 03-30), then the inkassovarsel for review
        travelTo(LocalDate.of(2026, 3, 30));
        travelTo(LocalDate.of(2026, 4, 14));
        assertThat(steps()).containsExactly("0 REMINDER DELIVERED", "1 REMINDER SKIPPED", "2 PURRING DELIVERED",
                "3 PURRING DELIVERED", "4 INKASSOVARSEL PREPARED");
        assertThat(instance).isWaitingAt(DunningModel.TASK_REVIEW_INKASSOVARSEL);
    }

    @Test
    void aCaseStartedOnTheModelBeforePlansMovesToTheModelThatKnowsPlanChangesAndGoesOn() throws Exception {
        // the model as it was before plans could change (no "Moved to another plan version" event)
        startOldCaseOn("/models/dunning-before-plans.bpmn");
        travelTo(LocalDate.of(2026, 3, 5));
        saveVersion2(2, twoPurringer());

        JsonNode report = migrate(Map.of("invoiceNumbers", List.of("INV-OLD")));

        assertThat(report.path("moved").get(0).path("modelMigrated").asBoolean()).as("%s", report).isTrue();
        executeDueJobs();
        assertThat(instance).hasPassed("Event_PlanChanged").isWaitingAt(DunningModel.EVENT_REMINDER_DUE);
        // the second reminder of version 2, after the first one's deadline 03-12: Friday 03-13
        travelTo(LocalDate.of(2026, 3, 13));
        assertThat(notices()).containsExactly("REMINDER 1 2026-03-05 2026-03-12 0.00 DELIVERED",
                "REMINDER 2 2026-03-13 2026-03-20 0.00 DELIVERED");
    }

    /**
     * A case still running on the model from before the case followed the claim to the agency: its handover goes to the
     * agency as any other (the same delegate), and its old end event still closes it, as Handed over, without an
     * incident. Moved to the current model first, it would follow the claim instead.
     */
    @Test
    void aCaseOnTheModelBeforeTheCollectionLifeIsStillHandedOverAndClosed() throws Exception {
        startOldCaseOn("/models/dunning-before-collection.bpmn");
        travelTo(LocalDate.of(2026, 3, 5));
        travelTo(LocalDate.of(2026, 3, 13));
        complete(task(), Map.of("decision", "SEND"));
        travelTo(LocalDate.of(2026, 3, 30));
        travelTo(LocalDate.of(2026, 4, 14));
        complete(task(), Map.of("decision", "SEND"));
        travelTo(LocalDate.of(2026, 4, 29));
        complete(task(), Map.of("decision", "APPROVE"));

        assertThat(instance).isEnded().hasPassed(DunningModel.TASK_HAND_OVER, "EndEvent_HandedOver");
        assertThat(caseOf().path("outcome").asText()).isEqualTo("HANDED_OVER");
        assertThat(caseOf().path("handover").path("status").asText()).isEqualTo("SENT");
        assertThat(runtime.createIncidentQuery().count()).isZero();
    }

    @Test
    void aCaseWaitingForItsFirstStepTakesTheNewVersionsDays() {
        // version 2 sends two reminders: the first still on day 7 (03-05), the second a week later
        saveVersion2(2, twoPurringer());

        JsonNode report = migrate(Map.of("invoiceNumbers", List.of("INV-1", "INV-404")));

        assertThat(report.path("moved")).hasSize(1);
        assertThat(report.path("moved").get(0).path("modelMigrated").asBoolean()).isFalse();
        assertThat(report.path("notMoved")).singleElement().satisfies(n -> assertThat(n.path("reason").asText())
                .isEqualTo("Invoice INV-404 has no open case on the plan 'standard'"));
        executeDueJobs();
        travelTo(LocalDate.of(2026, 3, 5));
        // second reminder: day 14 = 03-12, after the first's deadline 03-12: Friday 03-13
        travelTo(LocalDate.of(2026, 3, 13));
        assertThat(notices()).containsExactly("REMINDER 1 2026-03-05 2026-03-12 0.00 DELIVERED",
                "REMINDER 2 2026-03-13 2026-03-20 0.00 DELIVERED");
    }

    @Test
    void aCaseWithANoticeAwaitingReviewOrAHistoryTheNewVersionCannotHoldStaysWhereItIs() {
        travelTo(LocalDate.of(2026, 3, 5));
        travelTo(LocalDate.of(2026, 3, 13));
        assertThat(instance).isWaitingAt(DunningModel.TASK_REVIEW_PURRING);
        saveVersion2(1, List.of());

        JsonNode waiting = migrate(Map.of());

        assertThat(waiting.path("moved")).isEmpty();
        assertThat(waiting.path("notMoved").get(0).path("reason").asText()).matches("Notice \\d+ \\(purring\\) is "
                + "prepared and not sent yet; move the case once it has gone out or been stopped");

        complete(task(), Map.of("decision", "SEND"));
        JsonNode full = migrate(Map.of("fromVersions", List.of(1)));

        assertThat(full.path("notMoved").get(0).path("reason").asText()).isEqualTo("Version 2 has no room for its "
                + "history: the case has taken 1 purring step, and the new version has 0 purring steps for them after "
                + "the steps before");
        assertThat(caseOf().path("planVersion").asInt()).isEqualTo(1);
        assertThat(steps()).containsExactly("0 REMINDER DELIVERED", "1 PURRING DELIVERED");
        assertThat(instance).isWaitingAt(DunningModel.EVENT_PURRING_DUE);
    }
}

package no.purreflyt.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.purreflyt.support.IntegrationTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

/** A test of one dunning case: its process instance, its tasks, its case record and notices, payments on its invoice. */
abstract class CaseIntegrationTest extends IntegrationTest {

    @Autowired protected ProcessEngine engine;
    @Autowired protected TaskService tasks;

    /** The invoice of the case under test, and its process instance. */
    protected String invoiceNumber = "INV-1";
    protected ProcessInstance instance;

    protected Task task() {
        return tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    }

    /** Completes the task as a credit controller in Tasklist would, then runs what became due. */
    protected void complete(Task task, Map<String, Object> formValues) {
        identity.setAuthentication(CONTROLLER, java.util.List.of(no.purreflyt.web.Groups.CREDIT_CONTROLLERS));
        try {
            tasks.complete(task.getId(), new HashMap<>(formValues));
        } finally {
            identity.clearAuthentication();
        }
        executeDueJobs();
    }

    protected JsonNode caseOf() {
        return get("/api/invoices/" + invoiceNumber + "/case").getBody();
    }

    /** The case's notices as "KIND no. send-date deadline fee STATUS". */
    protected List<String> notices() {
        List<String> lines = new ArrayList<>();
        caseOf().path("notices").forEach(n -> lines.add(n.path("kind").asText() + " " + n.path("sequence").asText()
                + " " + n.path("sendDate").asText() + " " + n.path("deadline").asText() + " "
                + n.path("fee").decimalValue().setScale(2).toPlainString() + " " + n.path("status").asText()));
        return lines;
    }

    protected String timerDue() {
        var job = management.createJobQuery().processInstanceId(instance.getId()).timers().singleResult();
        return job.getDuedate().toInstant().atZone(java.time.ZoneId.of("Europe/Oslo")).toString();
    }

    protected void pay(String externalId, String amount) {
        ResponseEntity<JsonNode> response = post("/api/invoices/" + invoiceNumber + "/payments",
                Map.of("amount", amount, "paidOn", timeTravel.now().toLocalDate().toString(), "externalId", externalId));
        assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(201);
        // a payment that settles the case leaves it a job (the interest invoice, if any) before it closes
        executeDueJobs();
    }

}

package no.purreflyt.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import no.purreflyt.support.IntegrationTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

/** Every path through today's dunning.bpmn, driven through the REST API as an accounting system would. */
class DunningProcessIT extends IntegrationTest {

    @Autowired ProcessEngine engine;

    private ProcessInstance instance;

    @BeforeEach
    void anOpenCase() {
        init(engine);
        customer("NO-1", "CONSUMER", "NO");
        invoice("INV-1", "NO-1", TODAY.minusDays(20), "1000.00", "NOK");
        post("/api/dunning-runs", null);
        instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey("INV-1").singleResult();
    }

    @Test
    void caseStartsWaitingForPaymentWithItsReferences() {
        assertThat(instance).isStarted().isWaitingAt(DunningModel.GATEWAY_AWAIT_SETTLEMENT);
        assertThat(instance).hasBusinessKey("INV-1")
                .variables().containsEntry("invoiceNumber", "INV-1")
                .containsEntry("customer", "Customer NO-1")
                .containsEntry("stage", "AWAITING_PAYMENT")
                .containsKey("caseId");
        JsonNode dunningCase = get("/api/invoices/INV-1/case").getBody();
        assertThat(dunningCase.path("status").asText()).isEqualTo("OPEN");
        assertThat(dunningCase.path("processInstanceId").asText()).isEqualTo(instance.getId());
    }

    @Test
    void partialPaymentKeepsTheCaseOpenAndFullPaymentEndsItAsPaid() {
        pay("P-1", "600.00");
        assertThat(instance).isWaitingAt(DunningModel.GATEWAY_AWAIT_SETTLEMENT);

        ResponseEntity<JsonNode> rest = pay("P-2", "400.00");

        assertThat(rest.getBody().path("outstanding").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(instance).isEnded().hasPassed(DunningModel.EVENT_INVOICE_SETTLED, DunningModel.END_PAID);
        JsonNode dunningCase = get("/api/invoices/INV-1/case").getBody();
        assertThat(dunningCase.path("status").asText()).isEqualTo("CLOSED");
        assertThat(dunningCase.path("outcome").asText()).isEqualTo("PAID");
    }

    @Test
    void creditNoteThatZeroesTheInvoiceEndsTheCaseAsCredited() {
        pay("P-1", "250.00");

        post("/api/invoices/INV-1/credit-notes", Map.of("amount", "750.00", "date", TODAY.toString(), "reason", "Goods returned"));

        assertThat(instance).isEnded().hasPassed(DunningModel.END_CREDITED).hasNotPassed(DunningModel.END_PAID);
        assertThat(get("/api/invoices/INV-1/case").getBody().path("outcome").asText()).isEqualTo("CREDITED");
    }

    @Test
    void repeatedPaymentAfterTheCaseEndedChangesNothing() {
        pay("P-1", "1000.00");

        ResponseEntity<JsonNode> again = pay("P-1", "1000.00");

        assertThat(again.getStatusCode().value()).isEqualTo(200);
        assertThat(instance).isEnded();
        assertThat(jdbc.sql("select count(*) from dunning_case").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aSettledInvoiceIsNotDunnedAgain() {
        pay("P-1", "1000.00");

        JsonNode run = post("/api/dunning-runs", null).getBody();

        assertThat(run.path("started").asInt()).isZero();
    }

    private ResponseEntity<JsonNode> pay(String externalId, String amount) {
        return post("/api/invoices/INV-1/payments", Map.of("amount", amount, "paidOn", TODAY.toString(), "externalId", externalId));
    }
}

package no.purreflyt.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The process following plans a creditor shaped through the API: create-only against create-and-send, automatic
 * handover, a mild plan's fee-free purring, the plan's time of day, and accepting payment without fee.
 *
 * <p>Each test gives customer NO-1 its own plan, then opens the case of INV-1: 1 000.00 NOK from a Norwegian consumer
 * due Thursday 2026-02-26, opened on Monday 2026-03-02. Interest 2026-H1: 12.00 % a year, actual/365.
 */
class PlanProcessIT extends CaseIntegrationTest {

    static final LocalDate DUE = LocalDate.of(2026, 2, 26);

    @BeforeEach
    void aCustomer() {
        init(engine);
        customer("NO-1", "CONSUMER", "NO");
        invoice("INV-1", "NO-1", DUE, "1000.00", "NOK");
    }

    private void caseOnPlan(Map<String, Object> plan) {
        ResponseEntity<JsonNode> saved = send(ADMIN, HttpMethod.PUT, "/api/plans/own", MediaType.APPLICATION_JSON, plan);
        assertThat(saved.getStatusCode().is2xxSuccessful()).as("%s", saved.getBody()).isTrue();
        send(ADMIN, HttpMethod.PUT, "/api/customers/NO-1/plan", MediaType.APPLICATION_JSON, Map.of("planKey", "own"));
        post("/api/dunning-runs", null);
        executeDueJobs();
        instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey("INV-1").singleResult();
    }

    private static Map<String, Object> plan(String policy, String reminderMode, String purringMode, String approval,
            boolean acceptWithoutFee) {
        Map<String, Object> plan = new HashMap<>();
        plan.put("name", "Own");
        plan.put("feePolicy", policy);
        plan.put("reminders", Map.of("count", 1, "daysAfterDue", 7, "deadlineDays", 7, "mode", reminderMode));
        plan.put("purringer", List.of(Map.of("daysAfterDue", 14, "deadlineDays", 14, "mode", purringMode)));
        plan.put("handover", Map.of("approval", approval, "agency", "Fjord Inkasso AS"));
        plan.put("acceptPaymentWithoutFee", acceptWithoutFee);
        return plan;
    }

    @Test
    void createAndSendStepsGoOutWithoutATaskAndAnAutomaticHandoverNeedsNoApproval() {
        caseOnPlan(plan("STRICT", "CREATE_AND_SEND", "CREATE_AND_SEND", "AUTOMATIC", false));

        // reminder day 7 = Thu 03-05, deadline 03-12; purring after it: Fri 03-13, deadline 03-27; handover Mon 03-30
        travelTo(LocalDate.of(2026, 3, 5));
        travelTo(LocalDate.of(2026, 3, 13));
        assertThat(tasks.createTaskQuery().count()).isZero();
        travelTo(LocalDate.of(2026, 3, 30));

        assertThat(instance).isWaitingAt(DunningModel.TASK_WITHDRAWAL_WINDOW).hasPassedInOrder(
                DunningModel.TASK_DELIVER_REMINDER, DunningModel.TASK_DELIVER_PURRING, DunningModel.TASK_HAND_OVER)
                .hasNotPassed(DunningModel.TASK_REVIEW_REMINDER, DunningModel.TASK_REVIEW_PURRING,
                        DunningModel.TASK_APPROVE_HANDOVER);
        assertThat(notices()).containsExactly("REMINDER 1 2026-03-05 2026-03-12 0.00 DELIVERED",
                "PURRING 1 2026-03-13 2026-03-27 38.00 DELIVERED");
        assertThat(jdbc.sql("select agency from handover").query(String.class).single()).isEqualTo("Fjord Inkasso AS");
    }

    @Test
    void aCreateOnlyStepWaitsForACreditControllersReviewBeforeItIsSent() {
        caseOnPlan(plan("STRICT", "CREATE_ONLY", "CREATE_AND_SEND", "MANUAL", false));

        travelTo(LocalDate.of(2026, 3, 5));

        assertThat(instance).isWaitingAt(DunningModel.TASK_REVIEW_REMINDER);
        assertThat(notices()).containsExactly("REMINDER 1 2026-03-05 2026-03-12 0.00 PREPARED");
        complete(task(), Map.of("decision", "SEND"));
        assertThat(notices()).containsExactly("REMINDER 1 2026-03-05 2026-03-12 0.00 DELIVERED");
        assertThat(instance).isWaitingAt(DunningModel.EVENT_PURRING_DUE);
    }

    @Test
    void aMildPlanSendsItsPurringWithoutAFee() {
        caseOnPlan(plan("MILD", "CREATE_AND_SEND", "CREATE_AND_SEND", "MANUAL", false));

        travelTo(LocalDate.of(2026, 3, 5));
        travelTo(LocalDate.of(2026, 3, 13));

        assertThat(notices()).last().isEqualTo("PURRING 1 2026-03-13 2026-03-27 0.00 DELIVERED");
        JsonNode purring = caseOf().path("notices").get(1);
        assertThat(purring.path("feeRule").asText()).isEqualTo("the dunning plan");
        assertThat(purring.path("feeReason").asText()).isEqualTo("The plan sends this purring without a fee; without "
                + "one it may be sent any day after the due date, as a free reminder");
        // MILD charges no interest either: the total is the principal
        assertThat(purring.path("total").decimalValue()).isEqualByComparingTo("1000.00");
    }

    @Test
    void theAutomaticStepsGoOutAtThePlansTimeOfDay() {
        Map<String, Object> early = plan("STRICT", "CREATE_AND_SEND", "CREATE_AND_SEND", "MANUAL", false);
        early.put("timeOfDay", "08:30");
        caseOnPlan(early);

        var timer = management.createJobQuery().processInstanceId(instance.getId()).timers().singleResult();
        assertThat(timer.getDuedate().toInstant().atZone(java.time.ZoneId.of("Europe/Oslo")).toLocalDateTime())
                .isEqualTo(LocalDate.of(2026, 3, 5).atTime(LocalTime.of(8, 30)));
    }

    @Test
    void aPlanThatAcceptsPaymentWithoutFeeSettlesOnThePrincipalAndWritesTheRestOff() {
        caseOnPlan(plan("STRICT", "CREATE_AND_SEND", "CREATE_AND_SEND", "MANUAL", true));
        travelTo(LocalDate.of(2026, 3, 5));
        travelTo(LocalDate.of(2026, 3, 13));

        pay("P-1", "1000.00");

        // written off: the purring's fee 38.00 and interest 02-27 … 03-13 = 15 days:
        //   1000.00 × 0.12 × 15 / 365 = 1800 / 365 = 4.93; 38.00 + 4.93 = 42.93
        assertThat(instance).isEnded().hasPassed(DunningModel.END_PAID);
        JsonNode closed = caseOf();
        assertThat(closed.path("outcome").asText()).isEqualTo("PAID");
        assertThat(closed.path("writtenOff").decimalValue()).isEqualByComparingTo("42.93");
        assertThat(closed.path("closingNote").asText()).isEqualTo("Principal paid; 42.93 NOK of fees and interest "
                + "written off (the plan accepts payment without fee)");
    }

    @Test
    void aPlanThatAcceptsPaymentWithoutFeeWritesOffTheInterestOfAPrincipalPaidAfterAFreeReminder() {
        caseOnPlan(plan("STRICT", "CREATE_AND_SEND", "CREATE_AND_SEND", "MANUAL", true));
        travelTo(LocalDate.of(2026, 3, 5));

        pay("P-1", "1000.00");

        // interest 02-27 … 03-05 = 7 days: 1000.00 × 0.12 × 7 / 365 = 840 / 365 = 2.30
        assertThat(instance).isEnded().hasPassed(DunningModel.END_PAID);
        assertThat(caseOf().path("writtenOff").decimalValue()).isEqualByComparingTo("2.30");
        assertThat(caseOf().path("closingNote").asText()).isEqualTo("Principal paid; 2.30 NOK of interest written off "
                + "(the plan accepts payment without fee)");
    }

    @Test
    void aPlanThatDoesNotAcceptPaymentWithoutFeeKeepsTheCaseOpenForItsFees() {
        caseOnPlan(plan("STRICT", "CREATE_AND_SEND", "CREATE_AND_SEND", "MANUAL", false));
        travelTo(LocalDate.of(2026, 3, 5));
        travelTo(LocalDate.of(2026, 3, 13));

        pay("P-1", "1000.00");

        assertThat(instance).isNotEnded();
        assertThat(instance).isWaitingAt(DunningModel.EVENT_HANDOVER_DUE);
        // the next notice would claim the fee alone: principal 0, fee 38.00, interest until the payment day
        JsonNode claim = get("/api/invoices/INV-1/claim").getBody();
        assertThat(claim.path("claim").path("principal").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(claim.path("claim").path("total").decimalValue()).isEqualByComparingTo("42.93");

        // 20.00 more goes against the fee: 42.93 - 20.00 = 22.93 left, and the case goes on
        pay("P-2", "20.00");
        assertThat(instance).isNotEnded();
        JsonNode less = get("/api/invoices/INV-1/claim").getBody().path("claim");
        assertThat(less.path("paidBeyondPrincipal").decimalValue()).isEqualByComparingTo("20.00");
        assertThat(less.path("total").decimalValue()).isEqualByComparingTo("22.93");

        // 18.00 more covers the fee (38.00); the interest alone does not keep the case open
        pay("P-3", "18.00");
        assertThat(instance).isEnded().hasPassed(DunningModel.END_PAID);
        assertThat(caseOf().path("closingNote").asText()).isEqualTo("Paid, with 38.00 NOK of fees and interest; "
                + "interest of 4.93 NOK accrued and not paid");
    }
}

package no.purreflyt.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Date;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The model alone, on an in-memory engine with its delegates mocked by bean name: the paths that the real services
 * reach only in rare situations (the law refuses a step on the day it was due, a plan with no step left, a block whose
 * end date moves while the case waits), and every path of the life with the collection agency and of the interest
 * invoice. {@link DunningProcessIT} and {@code CollectionIT} run the everyday paths with the real services.
 */
@Deployment(resources = DunningModel.RESOURCE)
class DunningModelPathsTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("model-test.camunda.cfg.xml").build();

    private static final Date LONG_AGO = Date.from(Instant.parse("2026-01-01T10:00:00Z"));
    private static final Date FAR_AHEAD = Date.from(Instant.parse("2030-01-01T10:00:00Z"));

    /** What "Decide the next step" answers, one entry per call: a step name, or an error code to throw. */
    private final Deque<String> decisions = new ArrayDeque<>();
    private final List<String> closedAs = new ArrayList<>();
    private final List<String> prepared = new ArrayList<>();
    private boolean refusePreparing;
    /** What the mocked services were asked, in order ("tell WITHDRAWAL", "interest invoice"…). */
    private final List<String> calls = new ArrayList<>();
    private boolean windowOpen = true;
    private boolean interestToInvoice;
    private boolean interestInvoiceUndeliverable;

    @BeforeEach
    void mockTheDelegates() {
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(engine.getProcessEngine());
        Mocks.register("decideNextStep", (JavaDelegate) this::decide);
        Mocks.register("prepareNotice", (JavaDelegate) execution -> {
            prepared.add((String) execution.getVariable("nextStep"));
            if (refusePreparing) {
                refusePreparing = false;
                throw new BpmnError(DunningModel.ERROR_STEP_REFUSED, "refused by the fee rules today");
            }
            execution.setVariable("noticeId", 1L);
        });
        Mocks.register("deliverNotice", (JavaDelegate) execution -> {
            if (interestInvoiceUndeliverable && Boolean.TRUE.equals(execution.getVariable("interestInvoice"))) {
                throw new BpmnError(DunningModel.ERROR_NO_CONTACT_ADDRESS, "no address");
            }
            calls.add("deliver " + execution.getCurrentActivityId());
        });
        Mocks.register("collectionWindow", (org.camunda.bpm.engine.delegate.ExecutionListener) execution -> {
            execution.setVariable("withdrawalWindowOpen", windowOpen);
            execution.setVariable("withdrawalWindowEndsAt", windowOpen ? FAR_AHEAD : LONG_AGO);
        });
        Mocks.register("decideWithdrawal", (org.camunda.bpm.engine.delegate.TaskListener) task -> {
            task.setVariable("withdrawalDecision", task.getVariable("decision"));
            if ("WITHDRAW".equals(task.getVariable("decision"))) {
                task.setVariable("collectionOutcome", "WITHDRAWAL_REQUESTED");
            }
        });
        Mocks.register("decidePaymentAfterHandover", (org.camunda.bpm.engine.delegate.TaskListener) task ->
                task.setVariable("paymentDecision", task.getVariable("decision")));
        Mocks.register("tellAgency", (JavaDelegate) execution -> {
            String message = (String) execution.getVariable("agencyMessage");
            calls.add("tell " + message);
            switch (message) {
                case "WITHDRAWAL" -> execution.setVariable("collectionOutcome", "WITHDRAWN");
                case "COLLECTION_ENDED" -> execution.setVariable("collectionOutcome", "PAID");
                default -> { }
            }
        });
        Mocks.register("prepareInterestInvoice", (JavaDelegate) execution -> {
            calls.add("prepare interest invoice");
            execution.setVariable("interestInvoice", interestToInvoice);
        });
        Mocks.register("handOver", (JavaDelegate) execution -> { });
        Mocks.register("recordBlock", (JavaDelegate) execution -> execution.setVariable("blockEndsAt", FAR_AHEAD));
        Mocks.register("closeCase", (org.camunda.bpm.engine.delegate.ExecutionListener) execution ->
                closedAs.add(execution.getCurrentActivityId()));
        Mocks.register("taskDue", new TaskDue());
        Mocks.register("nameTask", (org.camunda.bpm.engine.delegate.TaskListener) task -> { });
    }

    @AfterEach
    void forgetTheMocks() {
        Mocks.reset();
    }

    @Test
    void aStepTheLawRefusesOnItsDayIsSkippedAndTheCaseDecidesAgain() {
        decisions.addAll(List.of("PURRING", "HANDOVER"));
        refusePreparing = true;
        ProcessInstance instance = start();

        execute(job(instance)); // decide: purring
        execute(job(instance)); // its timer
        execute(job(instance)); // prepare: refused
        execute(job(instance)); // decide again: handover
        execute(job(instance)); // its timer: no approval needed
        execute(job(instance)); // hand over

        assertThat(instance).isWaitingAt(DunningModel.TASK_WITHDRAWAL_WINDOW).hasPassedInOrder("Event_PurringRefused",
                "EndEvent_PurringSkipped", "Task_DecideNextStep", DunningModel.TASK_HAND_OVER)
                .hasNotPassed(DunningModel.TASK_DELIVER_PURRING);
        assertThat(closedAs).isEmpty();
    }

    // ---------------------------------------------------------------- with the collection agency

    @Test
    void aClaimLeftWithTheAgencyEndsCollectedWhenTheAgencyReportsItPaid() {
        ProcessInstance instance = handedOver();
        assertThat(instance).isWaitingAt(DunningModel.TASK_WITHDRAWAL_WINDOW);

        complete(instance, Map.of("decision", "KEEP"));
        assertThat(instance).isWaitingAt(DunningModel.GATEWAY_AGENCY_EVENTS);
        agencyReports(instance, "COLLECTED");

        assertThat(instance).isEnded().hasPassedInOrder(DunningModel.TASK_WITHDRAWAL_WINDOW, "Event_AgencyResult",
                DunningModel.END_COLLECTED_BY_AGENCY);
        assertThat(closedAs).containsExactly(DunningModel.END_COLLECTED_BY_AGENCY);
        assertThat(calls).isEmpty();
    }

    @Test
    void aCreditControllerWithdrawsInTheWindowAndTheAgencyIsTold() {
        ProcessInstance instance = handedOver();
        complete(instance, Map.of("decision", "WITHDRAW"));

        assertThat(instance).isWaitingAt(DunningModel.TASK_WITHDRAW_COLLECTION);
        execute(job(instance));
        assertThat(instance).isEnded().hasPassed(DunningModel.END_COLLECTION_WITHDRAWN);
        assertThat(calls).containsExactly("tell WITHDRAWAL");
        assertThat(closedAs).containsExactly(DunningModel.END_COLLECTION_WITHDRAWN);
    }

    @Test
    void aWithdrawalThroughTheApiTakesTheClaimBackWhileTheWindowTaskWaits() {
        ProcessInstance instance = handedOver();
        withdrawThroughTheApi();

        assertThat(instance).hasPassed("Event_WithdrawalRequested").isWaitingAt(DunningModel.TASK_WITHDRAW_COLLECTION);
        execute(job(instance));
        assertThat(instance).isEnded().hasPassed(DunningModel.END_COLLECTION_WITHDRAWN);
        assertThat(calls).containsExactly("tell WITHDRAWAL");
    }

    @Test
    void aPaymentWhileTheAgencyIsToldOfTheWithdrawalDoesNotUndoTheWithdrawal() {
        ProcessInstance instance = handedOver();
        complete(instance, Map.of("decision", "WITHDRAW"));
        assertThat(instance).isWaitingAt(DunningModel.TASK_WITHDRAW_COLLECTION);

        assertThat(runtimeService().createEventSubscriptionQuery().processInstanceId(instance.getId())
                .eventName(DunningModel.MESSAGE_PAYMENT_AFTER_HANDOVER).count()).isZero();
        execute(job(instance));
        assertThat(instance).isEnded().hasPassed(DunningModel.END_COLLECTION_WITHDRAWN)
                .hasNotPassed(DunningModel.TASK_DECIDE_PAYMENT);
    }

    @Test
    void aClaimLeftWithTheAgencyCanStillBeWithdrawnThroughTheApiWhileTheWindowLasts() {
        ProcessInstance instance = handedOver();
        complete(instance, Map.of("decision", "KEEP"));
        withdrawThroughTheApi();
        execute(job(instance));

        assertThat(instance).isEnded().hasPassed("Event_WithdrawalRequestedLater", DunningModel.END_COLLECTION_WITHDRAWN);
    }

    @Test
    void whenTheWindowEndsTheCaseWaitsForTheAgencyWhichMayCloseItUnpaid() {
        ProcessInstance instance = handedOver();
        execute(job(instance)); // the window's timer

        assertThat(instance).hasPassed(DunningModel.EVENT_WITHDRAWAL_WINDOW_ENDS)
                .isWaitingAt(DunningModel.GATEWAY_AGENCY_EVENTS);
        agencyReports(instance, "CLOSED_UNPAID");
        assertThat(instance).isEnded().hasPassed(DunningModel.END_CLOSED_UNPAID);
        assertThat(closedAs).containsExactly(DunningModel.END_CLOSED_UNPAID);
    }

    @Test
    void theAgencyMayReportItsResultBeforeTheWindowEnds() {
        ProcessInstance instance = handedOver();
        agencyReports(instance, "COLLECTED");

        assertThat(instance).isEnded().hasPassed("Event_AgencyResultInWindow", DunningModel.END_COLLECTED_BY_AGENCY);
    }

    @Test
    void aPaymentToTheCreditorAfterHandoverCanEndTheCollection() {
        ProcessInstance instance = handedOver();
        runtimeService().correlateMessage(DunningModel.MESSAGE_PAYMENT_AFTER_HANDOVER, "INV-1");
        assertThat(instance).isWaitingAt(DunningModel.TASK_DECIDE_PAYMENT);

        complete(instance, Map.of("decision", "END_COLLECTION"));
        execute(job(instance));

        assertThat(instance).isEnded().hasPassedInOrder(DunningModel.TASK_DECIDE_PAYMENT,
                DunningModel.TASK_END_COLLECTION, DunningModel.END_PAID_AFTER_HANDOVER);
        assertThat(calls).containsExactly("tell COLLECTION_ENDED");
        assertThat(closedAs).containsExactly(DunningModel.END_PAID_AFTER_HANDOVER);
    }

    @Test
    void aPaymentToTheCreditorAfterHandoverCanLeaveTheRestToTheAgency() {
        ProcessInstance instance = handedOver();
        runtimeService().correlateMessage(DunningModel.MESSAGE_PAYMENT_AFTER_HANDOVER, "INV-1");
        windowOpen = false; // the case comes back after the window
        complete(instance, Map.of("decision", "LET_AGENCY_COLLECT"));
        execute(job(instance));

        // back with the agency, past the window: straight to waiting for its result
        assertThat(instance).hasPassed(DunningModel.TASK_REPORT_PAYMENT)
                .isWaitingAt(DunningModel.GATEWAY_AGENCY_EVENTS);
        agencyReports(instance, "COLLECTED");
        assertThat(instance).isEnded().hasPassed(DunningModel.END_COLLECTED_BY_AGENCY);
        assertThat(calls).containsExactly("tell PAYMENT_RECEIVED");
    }

    // ---------------------------------------------------------------- the interest invoice

    @Test
    void aLatePaymentWithInterestToInvoiceSendsTheInterestInvoiceBeforeTheCaseCloses() {
        interestToInvoice = true;
        ProcessInstance instance = start();
        runtimeService().correlateMessage(DunningModel.MESSAGE_INVOICE_SETTLED, "INV-1");
        execute(job(instance)); // prepare
        assertThat(instance).isWaitingAt("Task_DeliverInterestInvoice");
        execute(job(instance)); // deliver

        assertThat(instance).isEnded().hasPassedInOrder("Task_PrepareInterestInvoice", "Task_DeliverInterestInvoice",
                DunningModel.END_PAID);
        assertThat(calls).containsExactly("prepare interest invoice", "deliver Task_DeliverInterestInvoice");
        assertThat(closedAs).containsExactly(DunningModel.END_PAID);
    }

    @Test
    void aPaymentWithNoInterestToInvoiceClosesTheCaseAfterAsking() {
        ProcessInstance instance = start();
        runtimeService().correlateMessage(DunningModel.MESSAGE_INVOICE_SETTLED, "INV-1");
        execute(job(instance));

        assertThat(instance).isEnded().hasPassed("Gateway_InterestInvoiceDone", DunningModel.END_PAID)
                .hasNotPassed("Task_DeliverInterestInvoice");
        assertThat(calls).containsExactly("prepare interest invoice");
    }

    @Test
    void anInterestInvoiceWithoutAnAddressDoesNotKeepThePaidCaseOpen() {
        interestToInvoice = true;
        interestInvoiceUndeliverable = true;
        ProcessInstance instance = start();
        runtimeService().correlateMessage(DunningModel.MESSAGE_INVOICE_SETTLED, "INV-1");
        execute(job(instance));
        execute(job(instance));

        assertThat(instance).isEnded().hasPassed("Event_InterestInvoiceUndeliverable", DunningModel.END_PAID);
    }

    /** A case whose plan's next step is the handover, handed over without approval. */
    private ProcessInstance handedOver() {
        decisions.add("HANDOVER");
        ProcessInstance instance = start();
        execute(job(instance)); // decide
        execute(job(instance)); // the handover's timer
        execute(job(instance)); // hand over
        assertThat(instance).hasPassed(DunningModel.TASK_HAND_OVER);
        return instance;
    }

    private void complete(ProcessInstance instance, Map<String, Object> form) {
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete(
                org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task(instance), form);
    }

    /** As CaseCorrelation does for POST /api/invoices/{number}/withdraw. */
    private void withdrawThroughTheApi() {
        runtimeService().createMessageCorrelation(DunningModel.MESSAGE_COLLECTION_WITHDRAWN).processInstanceBusinessKey("INV-1")
                .setVariable("collectionOutcome", "WITHDRAWAL_REQUESTED").correlate();
    }

    private void agencyReports(ProcessInstance instance, String outcome) {
        runtimeService().createMessageCorrelation(DunningModel.MESSAGE_AGENCY_RESULT).processInstanceBusinessKey("INV-1")
                .setVariable("collectionOutcome", outcome).correlate();
    }

    @Test
    void aCaseWhosePlanHasNoStepLeftWaitsForPaymentUntilItIsResumed() {
        decisions.addAll(List.of("NONE", "REMINDER"));
        ProcessInstance instance = start();
        execute(job(instance));

        assertThat(instance).isWaitingAt("Event_PlanExhausted");
        runtimeService().correlateMessage("DunningResumed", "INV-1");
        execute(job(instance));

        assertThat(instance).isWaitingAt(DunningModel.EVENT_REMINDER_DUE);
        runtimeService().correlateMessage(DunningModel.MESSAGE_INVOICE_SETTLED, "INV-1");
        execute(job(instance)); // the interest invoice, if any, before the case closes
        assertThat(instance).isEnded().hasPassed(DunningModel.END_PAID);
        assertThat(closedAs).containsExactly(DunningModel.END_PAID);
    }

    @Test
    void aBlockWhoseEndDateMovesMakesTheCaseLookAgain() {
        decisions.addAll(List.of(DunningModel.ERROR_CUSTOMER_BLOCKED, DunningModel.ERROR_CUSTOMER_BLOCKED, "REMINDER"));
        ProcessInstance instance = start();
        execute(job(instance));
        assertThat(instance).isWaitingAt(DunningModel.GATEWAY_AWAIT_UNBLOCK);

        // the block's end moved: the case looks again, is still blocked, and waits for the new end
        runtimeService().correlateMessage(DunningModel.MESSAGE_DUNNING_BLOCK_CHANGED, "INV-1");
        execute(job(instance));
        assertThat(instance).isWaitingAt(DunningModel.GATEWAY_AWAIT_UNBLOCK);

        // the block ends on its date
        execute(job(instance));
        execute(job(instance));
        assertThat(instance).isWaitingAt(DunningModel.EVENT_REMINDER_DUE)
                .hasPassed("Event_BlockChanged", "Event_BlockEnds");
    }

    @Test
    void aCaseMovedToAnotherPlanVersionLeavesTheStepItWaitedForAndDecidesAgain() {
        decisions.addAll(List.of("PURRING", "REMINDER"));
        ProcessInstance instance = start();
        execute(job(instance));
        assertThat(instance).isWaitingAt(DunningModel.EVENT_PURRING_DUE);

        runtimeService().correlateMessage(DunningModel.MESSAGE_PLAN_CHANGED, "INV-1");
        execute(job(instance));

        // the new version's next step is a reminder: the purring's timer is gone, nothing was prepared
        assertThat(instance).isWaitingAt(DunningModel.EVENT_REMINDER_DUE)
                .hasPassedInOrder("Event_PlanChanged", "Task_DecideNextStep");
        assertThat(prepared).isEmpty();
        assertThat(runtimeService().createEventSubscriptionQuery().processInstanceId(instance.getId())
                .eventName(DunningModel.MESSAGE_PLAN_CHANGED).count()).isEqualTo(1);
    }

    @Test
    void aPaymentEndsTheCaseWhereverItWaitsEvenOutsideTheStages() {
        decisions.add(DunningModel.ERROR_DISPUTE_OPEN);
        ProcessInstance instance = start();
        execute(job(instance));
        assertThat(instance).isWaitingAt(DunningModel.TASK_RESOLVE_DISPUTE);

        runtimeService().correlateMessage(DunningModel.MESSAGE_INVOICE_CREDITED, "INV-1");

        assertThat(instance).isEnded().hasPassed(DunningModel.END_CREDITED);
        assertThat(closedAs).containsExactly(DunningModel.END_CREDITED);
    }

    private ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey(DunningModel.PROCESS_ID, "INV-1", Map.of(
                "caseId", 1L, "invoiceNumber", "INV-1", "customer", "Kari Nordmann", "customerExternalId", "K-1"));
    }

    private void decide(DelegateExecution execution) {
        String decision = decisions.isEmpty() ? "NONE" : decisions.pop();
        if (decision.equals(DunningModel.ERROR_CUSTOMER_BLOCKED) || decision.equals(DunningModel.ERROR_DISPUTE_OPEN)) {
            throw new BpmnError(decision);
        }
        execution.setVariable("nextStep", decision);
        execution.setVariable("nextStepAt", LONG_AGO);
        execution.setVariable("planStep", 0);
        execution.setVariable("reviewRequired", false);
    }

    /** Stands in for the {@code taskDue} bean of the model's due-date expressions. */
    public static class TaskDue {
        public Date standard() {
            return FAR_AHEAD;
        }

        public Date by(Date moment) {
            return moment;
        }
    }
}

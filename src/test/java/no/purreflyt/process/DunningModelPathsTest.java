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
 * end date moves while the case waits). {@link DunningProcessIT} runs the everyday paths with the real services.
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
        Mocks.register("deliverNotice", (JavaDelegate) execution -> { });
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

        assertThat(instance).isEnded().hasPassedInOrder("Event_PurringRefused", "EndEvent_PurringSkipped",
                "Task_DecideNextStep", DunningModel.TASK_HAND_OVER, DunningModel.END_HANDED_OVER)
                .hasNotPassed(DunningModel.TASK_DELIVER_PURRING);
        assertThat(closedAs).containsExactly(DunningModel.END_HANDED_OVER);
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
    }
}

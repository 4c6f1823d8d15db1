package no.purreflyt.process;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Decide the next step" ({@code ${decideNextStep}}): writes the next step and when it is due, or stops the case with
 * DisputeOpen / CustomerBlocked for the model to catch.
 */
@Component("decideNextStep")
class DecideNextStep implements JavaDelegate {

    private final NextStepDecider decider;
    private final CaseStage stage;
    private final StepTime time;

    DecideNextStep(NextStepDecider decider, CaseStage stage, StepTime time) {
        this.decider = decider;
        this.stage = stage;
        this.time = time;
    }

    @Override
    public void execute(DelegateExecution execution) {
        NextStepDecider.Decision decision = decider.decide(ProcessVariables.CASE_ID.required(execution));
        if (decision instanceof NextStepDecider.Disputed disputed) {
            stage.set(execution, ProcessVariables.Stage.DISPUTED);
            ProcessVariables.DISPUTE_REASON.on(execution).set(disputed.dispute().reason());
            throw new BpmnError(DunningModel.ERROR_DISPUTE_OPEN, "Invoice disputed: " + disputed.dispute().reason());
        }
        if (decision instanceof NextStepDecider.Blocked blocked) {
            throw new BpmnError(DunningModel.ERROR_CUSTOMER_BLOCKED, "Customer " + blocked.customer().externalId()
                    + " is blocked: " + blocked.customer().dunningBlock().reason());
        }
        if (decision instanceof NextStepDecider.Step step) {
            stage.set(execution, step.stage());
            ProcessVariables.NEXT_STEP.on(execution).set(step.kind().name());
            ProcessVariables.NEXT_STEP_AT.on(execution).set(time.at(step.day(), step.time()));
            ProcessVariables.PLAN_STEP.on(execution).set(step.planStep());
            ProcessVariables.REVIEW_REQUIRED.on(execution).set(step.review());
        } else if (decision instanceof NextStepDecider.NoStepLeft none) {
            stage.set(execution, none.stage());
            ProcessVariables.NEXT_STEP.on(execution).set(DunningModel.NO_STEP);
        }
    }
}

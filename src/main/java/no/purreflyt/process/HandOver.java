package no.purreflyt.process;

import no.purreflyt.collection.Handovers;
import no.purreflyt.plan.Plans;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Hand over to the collection agency" ({@code ${handOver}}, async, retried, then an incident). */
@Component("handOver")
class HandOver implements JavaDelegate {

    private final Handovers handovers;
    private final Plans plans;

    HandOver(Handovers handovers, Plans plans) {
        this.handovers = handovers;
        this.plans = plans;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long caseId = ProcessVariables.CASE_ID.required(execution);
        handovers.handOver(caseId, plans.ofCase(caseId).agency());
    }
}

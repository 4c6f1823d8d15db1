package no.purreflyt.process;

import no.purreflyt.collection.CollectionService;
import no.purreflyt.plan.DunningPlan;
import no.purreflyt.plan.Plans;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Hand over to the collection agency" ({@code ${handOver}}, async, retried, then an incident): the claim goes to the
 * agency of the case's plan through that agency's connector, with the plan's withdrawal window.
 */
@Component("handOver")
class HandOver implements JavaDelegate {

    private final CollectionService collections;
    private final Plans plans;

    HandOver(CollectionService collections, Plans plans) {
        this.collections = collections;
        this.plans = plans;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long caseId = ProcessVariables.CASE_ID.required(execution);
        DunningPlan plan = plans.ofCase(caseId);
        collections.handOver(caseId, plan.agency(), plan.withdrawalWindowDays());
    }
}

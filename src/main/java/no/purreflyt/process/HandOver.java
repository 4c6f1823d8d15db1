package no.purreflyt.process;

import no.purreflyt.collection.Handovers;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Hand over to the collection agency" ({@code ${handOver}}, async, retried, then an incident). */
@Component("handOver")
class HandOver implements JavaDelegate {

    private final Handovers handovers;

    HandOver(Handovers handovers) {
        this.handovers = handovers;
    }

    @Override
    public void execute(DelegateExecution execution) {
        handovers.handOver(ProcessVariables.CASE_ID.required(execution));
    }
}

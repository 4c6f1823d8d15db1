package no.purreflyt.process;

import no.purreflyt.ledger.DunningCases;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/** Keeps a case's stage in step in both places a person looks: the process variable (Cockpit) and the case row (API). */
@Component
class CaseStage {

    private final DunningCases cases;

    CaseStage(DunningCases cases) {
        this.cases = cases;
    }

    void set(VariableScope execution, String stage) {
        ProcessVariables.STAGE.on(execution).set(stage);
        cases.setStage(ProcessVariables.CASE_ID.required(execution), stage);
    }
}

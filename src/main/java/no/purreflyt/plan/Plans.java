package no.purreflyt.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import no.purreflyt.ledger.DunningCases;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which plan a case follows. A new case takes the default plan and keeps a copy of it, so changing the configuration
 * affects new cases only and a running case's history always reads against the plan it was made with.
 */
@Service
public class Plans {

    private final DefaultPlanProperties defaults;
    private final DunningCases cases;
    private final ObjectMapper json;

    Plans(DefaultPlanProperties defaults, DunningCases cases, ObjectMapper json) {
        this.defaults = defaults;
        this.cases = cases;
        this.json = json;
    }

    /** The plan a case opened now starts with. */
    public DunningPlan forNewCase() {
        return defaults.toPlan();
    }

    /** The plan as a case keeps it (its snapshot column). */
    public String snapshot(DunningPlan plan) {
        try {
            return json.writeValueAsString(plan);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the plan " + plan.name(), e);
        }
    }

    @Transactional(readOnly = true)
    public DunningPlan ofCase(long caseId) {
        String snapshot = cases.planSnapshot(caseId);
        if (snapshot == null) {
            // a case opened before cases kept their plan
            return forNewCase();
        }
        try {
            return json.readValue(snapshot, DunningPlan.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Dunning case " + caseId + " has an unreadable plan: " + e.getOriginalMessage(), e);
        }
    }
}

package no.purreflyt.ledger;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import no.purreflyt.web.ProblemException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dunning cases as business records: which invoice, open or closed, stage, outcome. The dunning
 * process opens and closes them; the database guarantees at most one open case per invoice.
 */
@Service
public class DunningCases {

    private final DunningCaseRepository cases;
    private final Clock clock;

    DunningCases(DunningCaseRepository cases, Clock clock) {
        this.cases = cases;
        this.clock = clock;
    }

    /** Invoice numbers a run with these criteria would start cases for, oldest due date first. */
    @Transactional(readOnly = true)
    public List<String> candidates(DunningCriteria criteria) {
        return cases.candidates(criteria);
    }

    /**
     * Opens a case for the invoice if it is still eligible, within the caller's transaction. Empty when it
     * no longer is; a {@link org.springframework.dao.DuplicateKeyException} when another case is open.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Long> openIfEligible(String invoiceNumber, DunningCriteria criteria, String stage,
            String planSnapshot) {
        return cases.lockIfEligible(invoiceNumber, criteria)
                .map(invoiceId -> cases.insertOpen(invoiceId, stage, planSnapshot, clock.instant()));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void attachProcessInstance(long caseId, String processInstanceId) {
        cases.attachProcessInstance(caseId, processInstanceId);
    }

    /**
     * Closes an open case, with the note a person gave (write-off reason, dispute resolution) or null. Closing one
     * that is already closed is an error the engine turns into an incident.
     */
    @Transactional
    public void close(long caseId, CaseOutcome outcome, String stage, String note) {
        if (cases.close(caseId, outcome, stage, note, clock.instant()) == 0) {
            throw new IllegalStateException("Dunning case " + caseId + " is not open; cannot close it as " + outcome);
        }
    }

    /** Records where an open case is (the stage a manager sees); a closed case keeps its last stage. */
    @Transactional
    public void setStage(long caseId, String stage) {
        cases.setStage(caseId, stage);
    }

    @Transactional(readOnly = true)
    public DunningCase get(long caseId) {
        return cases.find(caseId).orElseThrow(() -> new IllegalStateException("No dunning case " + caseId));
    }

    /** The plan the case keeps (JSON written by the plan package), or null for a case that kept none. */
    @Transactional(readOnly = true)
    public String planSnapshot(long caseId) {
        return cases.planSnapshot(caseId).orElse(null);
    }

    @Transactional(readOnly = true)
    public DunningCase latestOf(String invoiceNumber) {
        return latest(invoiceNumber)
                .orElseThrow(() -> ProblemException.notFound("Invoice " + invoiceNumber + " has no dunning case"));
    }

    /** The invoice's open case, else its most recent one; empty for an invoice never dunned. */
    @Transactional(readOnly = true)
    public Optional<DunningCase> latest(String invoiceNumber) {
        return cases.latestOf(invoiceNumber);
    }
}

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
     * Locks the invoice for the caller's transaction and answers its id if it is still eligible by these criteria;
     * empty when it no longer is. A payment waits for the lock, so it either came before or finds the case.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Long> lockIfEligible(String invoiceNumber, DunningCriteria criteria) {
        return cases.lockIfEligible(invoiceNumber, criteria);
    }

    /**
     * The plan a case follows: its key and version, why it was chosen, and the snapshot (JSON written by the plan
     * package) the case keeps.
     */
    public record PlanReference(String key, int version, String selectedBy, String snapshot) {
    }

    /**
     * Opens a case for an invoice locked by {@link #lockIfEligible}, within the caller's transaction; a
     * {@link org.springframework.dao.DuplicateKeyException} when another case is open.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public long open(long invoiceId, String stage, PlanReference plan) {
        return cases.insertOpen(invoiceId, stage, plan, clock.instant());
    }

    /**
     * Locks an open case's row for the caller's transaction and answers it as it is now; empty when it has closed
     * meanwhile. Two moves of one case then happen one after the other.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<DunningCase> lockOpen(long caseId) {
        return cases.lockOpen(caseId);
    }

    /** Open cases opened before plans were stored (they keep no plan key), among these invoices. */
    @Transactional(readOnly = true)
    public List<DunningCase> openWithoutPlanKey(List<String> invoiceNumbers) {
        return invoiceNumbers.stream().map(cases::latestOf).flatMap(Optional::stream)
                .filter(c -> "OPEN".equals(c.status()) && c.planKey() == null).toList();
    }

    /** Moves an open case to another plan version (the caller has checked that its history fits the new plan). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void movePlan(long caseId, PlanReference plan) {
        if (cases.movePlan(caseId, plan) == 0) {
            throw new IllegalStateException("Dunning case " + caseId + " is not open; it cannot move to " + plan.key()
                    + " v" + plan.version());
        }
    }

    /** Records what a case gave up when the principal alone settled it (fees, interest, compensation). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordWriteOff(long caseId, java.math.BigDecimal amount) {
        cases.recordWriteOff(caseId, amount);
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

    /** The open cases that follow a plan, any version. */
    @Transactional(readOnly = true)
    public List<DunningCase> openOnPlan(String planKey) {
        return cases.openOnPlan(planKey);
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

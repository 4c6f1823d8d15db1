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
    public Optional<Long> openIfEligible(String invoiceNumber, DunningCriteria criteria, String stage) {
        return cases.lockIfEligible(invoiceNumber, criteria)
                .map(invoiceId -> cases.insertOpen(invoiceId, stage, clock.instant()));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void attachProcessInstance(long caseId, String processInstanceId) {
        cases.attachProcessInstance(caseId, processInstanceId);
    }

    /** Closes an open case; closing one that is already closed is an error the engine turns into an incident. */
    @Transactional
    public void close(long caseId, CaseOutcome outcome, String stage) {
        if (cases.close(caseId, outcome, stage, clock.instant()) == 0) {
            throw new IllegalStateException("Dunning case " + caseId + " is not open; cannot close it as " + outcome);
        }
    }

    @Transactional(readOnly = true)
    public DunningCase latestOf(String invoiceNumber) {
        return cases.latestOf(invoiceNumber)
                .orElseThrow(() -> ProblemException.notFound("Invoice " + invoiceNumber + " has no dunning case"));
    }
}

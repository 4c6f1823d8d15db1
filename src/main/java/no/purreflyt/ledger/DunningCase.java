package no.purreflyt.ledger;

import java.time.Instant;

/**
 * One dunning case: the life of one overdue invoice in the dunning process, the plan version it follows and why, and
 * what it wrote off when the principal alone settled it.
 */
public record DunningCase(
        long id,
        String invoiceNumber,
        String status,
        String stage,
        CaseOutcome outcome,
        String processInstanceId,
        String closingNote,
        Instant openedAt,
        Instant closedAt,
        String planKey,
        Integer planVersion,
        String planSelectedBy,
        java.math.BigDecimal writtenOff) {

    /** "standard v2"; for a case opened before plans were stored, what it followed then. */
    public String planReference() {
        return planKey == null ? "the configured default plan (before stored plans)" : planKey + " v" + planVersion;
    }
}

package no.purreflyt.ledger;

import java.time.Instant;

/** One dunning case: the life of one overdue invoice in the dunning process. */
public record DunningCase(
        long id,
        String invoiceNumber,
        String status,
        String stage,
        CaseOutcome outcome,
        String processInstanceId,
        String closingNote,
        Instant openedAt,
        Instant closedAt) {
}

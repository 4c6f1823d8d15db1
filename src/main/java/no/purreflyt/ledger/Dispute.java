package no.purreflyt.ledger;

import java.time.Instant;

/** A debtor's objection to an invoice; open until a credit controller resolves it. */
public record Dispute(
        long id,
        String invoiceNumber,
        String reason,
        String raisedBy,
        Instant raisedAt,
        DisputeResolution resolution,
        String resolutionNote,
        String resolvedBy,
        Instant resolvedAt) {

    public boolean open() {
        return resolution == null;
    }
}

package no.purreflyt.ledger;

/** Published inside the transaction that recorded a debtor's objection to an invoice. */
public record DisputeRaised(String invoiceNumber, long disputeId, String reason) {
}

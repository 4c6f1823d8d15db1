package no.purreflyt.collection;

import no.purreflyt.ledger.CaseOutcome;

/**
 * Published inside the transaction of an agency's signed callback that ends the collection: collected in full
 * (COLLECTED) or closed unpaid (CLOSED_UNPAID). What the agency collected is recorded already; the case ends with the
 * outcome and the note. A case that cannot take the message refuses the callback (the agency sends it again).
 */
public record AgencyReported(String invoiceNumber, long caseId, CaseOutcome outcome, String note) {
}

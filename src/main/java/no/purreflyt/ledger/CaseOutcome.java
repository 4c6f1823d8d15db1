package no.purreflyt.ledger;

/**
 * How a dunning case ended; each is a named end event of the dunning process. HANDED_OVER ended cases at the handover
 * before the case followed the claim at the agency; such a case now ends COLLECTED, WITHDRAWN, CLOSED_UNPAID or PAID.
 */
public enum CaseOutcome {
    PAID, CREDITED, HANDED_OVER, WRITTEN_OFF, CANCELLED, COLLECTED, WITHDRAWN, CLOSED_UNPAID
}

package no.purreflyt.ledger;

/** How a dunning case ended; each is a named end event of the dunning process. */
public enum CaseOutcome {
    PAID, CREDITED, HANDED_OVER, WRITTEN_OFF, CANCELLED
}

package no.purreflyt.ledger;

/** How a credit controller resolved a dispute. */
public enum DisputeResolution {
    /** the claim stands: dunning goes on where it stopped */
    RESUME,
    /** the debtor is right: the outstanding amount is credited and the case closes */
    CLOSE_WITH_CREDIT,
    /** the case closes without a credit note (settled outside Purreflyt) */
    CLOSE
}

package no.purreflyt.ledger;

/** Consumers and businesses are treated differently by the law (fees, § 3a compensation). */
public enum CustomerType {
    CONSUMER, BUSINESS
}

package no.purreflyt.ledger;

/**
 * Published inside the transaction that changed a customer's dunning block (purrestopp): set, lifted, or its end date
 * moved. blockedToday tells whether the customer is blocked on the business date of the change.
 */
public record DunningBlockChanged(String customerExternalId, boolean blockedToday) {
}

package no.purreflyt.ledger;

import java.util.Optional;

/**
 * Says why a credit note on an invoice must wait, where another part of Purreflyt holds the claim (the collection
 * agency has it): the ledger asks every guard before it records a credit note, and refuses with the guard's sentence.
 */
public interface CreditNoteGuard {

    /** Why no credit note can be recorded on the invoice now, or empty when nothing stands in the way. */
    Optional<String> refusal(String invoiceNumber);
}

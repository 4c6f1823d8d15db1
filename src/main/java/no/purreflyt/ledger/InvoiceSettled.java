package no.purreflyt.ledger;

import java.math.BigDecimal;

/**
 * Published inside the transaction that brought an invoice's outstanding balance to zero (or below).
 * creditedToZero tells whether a credit note or a payment did it; byDunningCase that the invoice's own dunning
 * case did it (closing a dispute with a credit note), so the case needs no message about it. Listeners run in the
 * same transaction.
 */
public record InvoiceSettled(String invoiceNumber, BigDecimal outstanding, boolean creditedToZero, boolean byDunningCase) {
}

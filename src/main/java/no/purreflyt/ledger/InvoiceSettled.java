package no.purreflyt.ledger;

import java.math.BigDecimal;

/**
 * Published inside the transaction that brought an invoice's outstanding balance to zero (or below).
 * creditedToZero tells whether a credit note or a payment did it. Listeners run in the same transaction.
 */
public record InvoiceSettled(String invoiceNumber, BigDecimal outstanding, boolean creditedToZero) {
}

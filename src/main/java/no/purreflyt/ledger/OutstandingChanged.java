package no.purreflyt.ledger;

import java.math.BigDecimal;

/** Published inside the transaction of every payment or credit note: the invoice's new outstanding balance. */
public record OutstandingChanged(String invoiceNumber, BigDecimal outstanding, String currency) {
}

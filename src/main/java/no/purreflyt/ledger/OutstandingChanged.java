package no.purreflyt.ledger;

import java.math.BigDecimal;

/**
 * Published inside the transaction of every payment or credit note: the invoice's new outstanding balance.
 *
 * @param change   what this entry took off the balance (the payment's or credit note's amount)
 * @param credit   a credit note, not a payment
 * @param byAgency a payment the collection agency collected and passed on (its callback recorded it): the case that
 *                 handed the claim over expects it and asks nobody about it
 */
public record OutstandingChanged(String invoiceNumber, BigDecimal outstanding, String currency, BigDecimal change,
        boolean credit, boolean byAgency) {
}

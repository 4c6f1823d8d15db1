package no.purreflyt.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Which invoices a dunning run takes: overdue by more than graceDays on today, outstanding above
 * minimumAmount, not excluded, customer not blocked on today, never dunned before.
 */
public record DunningCriteria(LocalDate today, int graceDays, BigDecimal minimumAmount) {

    /** An invoice due before this date is overdue by more than the grace days. */
    LocalDate dueBefore() {
        return today.minusDays(graceDays);
    }
}

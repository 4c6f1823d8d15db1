package no.purreflyt.rules;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Interest of one stretch where principal, rate and day basis stay the same: the days {@code from} through
 * {@code to}, both included. {@code amount} is this line rounded for display; the statement's total is rounded
 * once from the exact sum, so the lines may differ from it by an øre.
 */
public record InterestLine(
        LocalDate from,
        LocalDate to,
        long days,
        BigDecimal principal,
        BigDecimal ratePercent,
        int dayBasis,
        BigDecimal amount,
        String source,
        Confidence confidence) {
}

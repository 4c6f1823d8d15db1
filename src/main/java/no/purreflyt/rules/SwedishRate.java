package no.purreflyt.rules;

import java.math.BigDecimal;

/** The Riksbank's referensränta for a half-year and the statutory margin above it (räntelagen § 6). */
public record SwedishRate(BigDecimal referensranta, BigDecimal margin) {

    /** Dröjsmålsränta in percent a year; never below zero, whatever the referensränta. */
    public BigDecimal annualPercent() {
        return referensranta.add(margin).max(BigDecimal.ZERO);
    }
}

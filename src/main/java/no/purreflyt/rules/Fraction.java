package no.purreflyt.rules;

import java.math.BigDecimal;

/** A fee fraction of the inkassosats, such as 1/20, kept exact until the fee is rounded. */
public record Fraction(int numerator, int denominator) {

    public Fraction {
        if (numerator < 0 || denominator <= 0) {
            throw new IllegalArgumentException("a fraction needs a numerator of 0 or more and a positive denominator");
        }
    }

    static Fraction parse(String text) {
        String[] parts = text.split("/");
        if (parts.length != 2) {
            throw new IllegalArgumentException("'" + text + "' is not a fraction such as 1/20");
        }
        try {
            return new Fraction(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a fraction such as 1/20");
        }
    }

    /** The exact share of an amount; the caller rounds. */
    BigDecimal of(BigDecimal amount) {
        return amount.multiply(BigDecimal.valueOf(numerator))
                .divide(BigDecimal.valueOf(denominator), 10, java.math.RoundingMode.HALF_UP);
    }

    @Override
    public String toString() {
        return numerator + "/" + denominator;
    }
}

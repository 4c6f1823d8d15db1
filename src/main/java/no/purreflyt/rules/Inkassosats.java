package no.purreflyt.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The Norwegian inkassosats R on the day a notice is sent, and how a fee derived from it is rounded. */
public record Inkassosats(BigDecimal sats, FeeRounding rounding) {

    /** ORE keeps the fee to the øre; KRONE rounds it half-up to whole kroner (37.50 becomes 38). */
    public enum FeeRounding {
        ORE(2), KRONE(0);

        private final int scale;

        FeeRounding(int scale) {
            this.scale = scale;
        }

        BigDecimal round(BigDecimal exact) {
            return exact.setScale(scale, RoundingMode.HALF_UP).setScale(2, RoundingMode.UNNECESSARY);
        }
    }

    BigDecimal fee(Fraction fraction) {
        return rounding.round(fraction.of(sats));
    }
}

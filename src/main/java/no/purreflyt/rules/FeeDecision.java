package no.purreflyt.rules;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The answer of the fee rules. {@code allowed} says whether the notice may be sent at all on that date;
 * {@code fee} is what it may charge (zero when none). {@code rule} names the provision that decided, and
 * {@code reason} says in a sentence why, with the dates, so a plan or a credit controller can show it.
 */
public record FeeDecision(boolean allowed, BigDecimal fee, String rule, String reason, LocalDate date) {

    /** The rule a plan's "no fee on this step" answers with. */
    public static final String PLAN_RULE = "the dunning plan";

    /**
     * This decision as a plan that may not charge this step's fee takes it: the notice goes out as the law allows, without
     * the fee the law would let it carry. Unchanged when the plan charges the fee, or when there is none to leave out.
     */
    public FeeDecision asPlanned(boolean chargeFee) {
        if (chargeFee || !allowed || fee.signum() == 0) {
            return this;
        }
        return withoutFee(PLAN_RULE, "The plan charges no fee for this notice; the law would allow " + fee.toPlainString()
                + " (" + rule + ")", date);
    }

    static FeeDecision refused(String rule, String reason, LocalDate date) {
        return new FeeDecision(false, BigDecimal.ZERO.setScale(2), rule, reason, date);
    }

    static FeeDecision withoutFee(String rule, String reason, LocalDate date) {
        return new FeeDecision(true, BigDecimal.ZERO.setScale(2), rule, reason, date);
    }

    static FeeDecision withFee(BigDecimal fee, String rule, String reason, LocalDate date) {
        return new FeeDecision(true, fee, rule, reason, date);
    }
}

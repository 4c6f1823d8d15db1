package no.purreflyt.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What a debtor owes on a day: the principal still outstanding, interest per rate period, each fee on its own
 * line, the business debtor's compensation beyond those fees, what was paid beyond the principal (towards those), and
 * the total.
 *
 * @param paidBeyondPrincipal payments beyond the principal, which the total is reduced by
 */
public record Claim(
        LocalDate on,
        String currency,
        BigDecimal principal,
        InterestStatement interest,
        List<SentNotice> fees,
        FeeRules.CompensationDecision compensation,
        BigDecimal paidBeyondPrincipal,
        BigDecimal total) {

    /** The fees and compensation claimed: payments beyond the principal go to these first. */
    public BigDecimal feesCharged() {
        return fees.stream().map(SentNotice::fee).reduce(compensation.charged(), BigDecimal::add);
    }

    /** The fees and compensation that payments beyond the principal have not covered. */
    public BigDecimal feesLeft() {
        return feesCharged().subtract(paidBeyondPrincipal).max(BigDecimal.ZERO);
    }

    /** The interest that payments beyond the principal have not covered, after the fees. */
    public BigDecimal interestLeft() {
        return interest.total().subtract(paidBeyondPrincipal.subtract(feesCharged()).max(BigDecimal.ZERO))
                .max(BigDecimal.ZERO);
    }
}

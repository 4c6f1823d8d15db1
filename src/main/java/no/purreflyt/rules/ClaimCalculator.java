package no.purreflyt.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import no.purreflyt.ledger.Country;
import no.purreflyt.ledger.CustomerType;

/** Adds up a claim on a day from its principal over time, the notices sent and the rules in force. */
public final class ClaimCalculator {

    private final InterestCalculator interest;
    private final FeeRules fees;

    public ClaimCalculator(InterestCalculator interest, FeeRules fees) {
        this.interest = interest;
        this.fees = fees;
    }

    /**
     * @param notices           the notices sent; those sent after {@code on} are left out
     * @param claimCompensation whether the creditor claims the business debtor's fixed compensation
     */
    public Claim claim(Country country, CustomerType debtorType, LocalDate dueDate, Principal principal,
            List<SentNotice> notices, boolean chargeInterest, boolean claimCompensation, LocalDate on) {
        InterestStatement statement = interest.interest(country, dueDate, principal,
                chargeInterest ? on : dueDate);
        List<SentNotice> charged = notices.stream().filter(n -> n.charged() && !n.sentOn().isAfter(on)).toList();
        BigDecimal feeTotal = charged.stream().map(SentNotice::fee).reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(2);
        FeeRules.CompensationDecision compensation;
        if (!claimCompensation) {
            compensation = FeeRules.CompensationDecision.none("The creditor does not claim the standard compensation");
        } else if (!on.isAfter(dueDate)) {
            compensation = FeeRules.CompensationDecision.none("The claim is not overdue on " + on);
        } else {
            compensation = fees.compensation(country, debtorType, dueDate, feeTotal);
        }
        BigDecimal outstanding = principal.at(on.plusDays(1));
        // payments beyond the principal count against the fees, compensation and interest, never below nothing owed
        BigDecimal paidBeyond = principal.paidBeyondOn(on);
        BigDecimal total = outstanding.add(statement.total()).add(feeTotal).add(compensation.charged())
                .subtract(paidBeyond).max(BigDecimal.ZERO);
        return new Claim(on, country.currency(), outstanding.setScale(2), statement, charged, compensation,
                paidBeyond.setScale(2), total.setScale(2));
    }
}

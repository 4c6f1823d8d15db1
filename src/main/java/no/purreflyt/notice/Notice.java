package no.purreflyt.notice;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import no.purreflyt.rules.NoticeKind;
import no.purreflyt.rules.SentNotice;
import no.purreflyt.rules.StepKind;

/**
 * A letter of a dunning case as stored: which step of the case's plan it is, its kind and number (purring no. 2),
 * the amounts it states on its sending day, its deadline, and what happened to it.
 *
 * @param planStep    its step's position in the case's plan; {@link #INTEREST_INVOICE_STEP} for the interest invoice
 * @param step        its step's kind; null for the interest invoice, which is no step of the plan
 * @param earlierFees fees charged by the case's earlier notices, which this one states again
 * @param fee         the fee this notice charges (zero when none is allowed or it was waived at review)
 */
public record Notice(
        long id,
        long caseId,
        int planStep,
        StepKind step,
        NoticeKind kind,
        Integer sequence,
        NoticeStatus status,
        LocalDate sendDate,
        LocalDate deadline,
        String currency,
        BigDecimal principal,
        BigDecimal interest,
        BigDecimal earlierFees,
        BigDecimal fee,
        boolean feeWaived,
        BigDecimal compensation,
        BigDecimal total,
        String feeRule,
        String feeReason,
        ReviewDecision reviewDecision,
        String reviewedBy,
        String reviewNote,
        String channel,
        Instant preparedAt,
        Instant deliveredAt) {

    /**
     * The plan step of a case's interest invoice: a position no plan step has, so that the notice's unique
     * (case, plan step) makes it one per case and no history of plan steps ever counts it.
     */
    public static final int INTEREST_INVOICE_STEP = -1;

    /** Whether this is the case's interest invoice (rentenota), which is outside the plan's steps and fee rules. */
    public boolean interestInvoice() {
        return kind == NoticeKind.INTEREST_INVOICE;
    }

    /** As the fee rules see it in the case's history. */
    public SentNotice asSent() {
        return new SentNotice(kind, sendDate, deadline, fee);
    }

    /** One line for a credit controller: what the notice says. */
    public String summary() {
        String what = switch (kind) {
            case REMINDER -> "Free reminder";
            case INTEREST_INVOICE -> "Interest invoice";
            default -> kind.label().substring(0, 1).toUpperCase(java.util.Locale.ROOT) + kind.label().substring(1);
        };
        return what + (sequence != null ? " no. " + sequence : "") + " of " + sendDate + ": principal "
                + principal.toPlainString() + ", interest " + interest.toPlainString() + ", fees "
                + earlierFees.add(fee).toPlainString() + (compensation.signum() > 0
                        ? ", compensation " + compensation.toPlainString() : "")
                + ", total " + total.toPlainString() + " " + currency
                + (deadline != null ? ", deadline " + deadline : "")
                + (feeWaived ? " (fee waived)" : "");
    }
}

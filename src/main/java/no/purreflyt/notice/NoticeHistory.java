package no.purreflyt.notice;

import java.util.List;
import java.util.Optional;

import no.purreflyt.rules.SentNotice;
import no.purreflyt.rules.TakenStep;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a case's notices say about its history: the letters it sent (their fees count against the law's limits and in
 * the claim) and the steps of its plan it has taken, from which a case that resumes derives its next step.
 */
@Service
public class NoticeHistory {

    private final NoticeRepository notices;

    NoticeHistory(NoticeRepository notices) {
        this.notices = notices;
    }

    /** Every notice of the case, the plan's steps in order, then the interest invoice. */
    @Transactional(readOnly = true)
    public List<Notice> of(long caseId) {
        return notices.ofCase(caseId);
    }

    /**
     * The notices delivered, as the fee rules and the claim see them. The interest invoice is left out: it is written
     * after the claim was paid, charges no fee and is none of the letters the fee rules count (§ 1-3's two fees, the
     * deadline a second fee waits for), and the interest it invoices is already in the claim.
     */
    @Transactional(readOnly = true)
    public List<SentNotice> sent(long caseId) {
        return ofPlan(caseId).filter(n -> n.status() == NoticeStatus.DELIVERED).map(Notice::asSent).toList();
    }

    /** The steps of the case's plan done for good: delivered, or skipped because the law refused them. */
    @Transactional(readOnly = true)
    public List<TakenStep> taken(long caseId) {
        return ofPlan(caseId)
                .filter(n -> n.status() == NoticeStatus.DELIVERED || n.status() == NoticeStatus.SKIPPED)
                .map(n -> n.status() == NoticeStatus.DELIVERED ? TakenStep.sent(n.planStep(), n.asSent())
                        : TakenStep.skipped(n.planStep(), n.feeReason()))
                .toList();
    }

    /** The last notice of the plan's steps delivered (the interest invoice is none: it is not where the case stands). */
    @Transactional(readOnly = true)
    public Optional<Notice> lastDelivered(long caseId) {
        return ofPlan(caseId).filter(n -> n.status() == NoticeStatus.DELIVERED).reduce((first, second) -> second);
    }

    /** The case's interest invoice, if it has one. */
    @Transactional(readOnly = true)
    public Optional<Notice> interestInvoice(long caseId) {
        return notices.ofStep(caseId, Notice.INTEREST_INVOICE_STEP);
    }

    /** The notices of the plan's steps, in the plan's order: every notice but the interest invoice. */
    private java.util.stream.Stream<Notice> ofPlan(long caseId) {
        return notices.ofCase(caseId).stream().filter(n -> !n.interestInvoice());
    }
}

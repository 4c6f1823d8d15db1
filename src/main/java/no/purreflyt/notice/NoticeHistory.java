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

    @Transactional(readOnly = true)
    public List<Notice> of(long caseId) {
        return notices.ofCase(caseId);
    }

    /** The notices delivered, as the fee rules and the claim see them. */
    @Transactional(readOnly = true)
    public List<SentNotice> sent(long caseId) {
        return notices.ofCase(caseId).stream().filter(n -> n.status() == NoticeStatus.DELIVERED).map(Notice::asSent).toList();
    }

    /** The steps of the case's plan done for good: delivered, or skipped because the law refused them. */
    @Transactional(readOnly = true)
    public List<TakenStep> taken(long caseId) {
        return notices.ofCase(caseId).stream()
                .filter(n -> n.status() == NoticeStatus.DELIVERED || n.status() == NoticeStatus.SKIPPED)
                .map(n -> n.status() == NoticeStatus.DELIVERED ? TakenStep.sent(n.planStep(), n.asSent())
                        : TakenStep.skipped(n.planStep(), n.feeReason()))
                .toList();
    }

    @Transactional(readOnly = true)
    public Optional<Notice> lastDelivered(long caseId) {
        return notices.ofCase(caseId).stream().filter(n -> n.status() == NoticeStatus.DELIVERED)
                .reduce((first, second) -> second);
    }
}

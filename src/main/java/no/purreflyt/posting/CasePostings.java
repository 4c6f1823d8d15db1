package no.purreflyt.posting;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import no.purreflyt.ledger.DunningCase;
import no.purreflyt.ledger.DunningCases;
import no.purreflyt.ledger.Invoice;
import no.purreflyt.ledger.LedgerService;
import no.purreflyt.notice.Notice;
import no.purreflyt.notice.NoticeHistory;
import no.purreflyt.notice.NoticeStatus;
import no.purreflyt.rules.Claim;
import no.purreflyt.rules.NoticeKind;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a dunning case adds to the creditor's books before the agency has the claim: each notice's fee and a business
 * debtor's compensation when the notice goes out, the interest the debtor paid or was invoiced, and what the creditor
 * gives up. The accounting system books the invoice and its payments itself; these postings are what it cannot know.
 * Each is keyed by what caused it, so a retried job posts nothing twice.
 */
@Service
public class CasePostings {

    private final Postings postings;
    private final NoticeHistory notices;
    private final DunningCases cases;
    private final LedgerService ledger;
    private final Clock clock;

    CasePostings(Postings postings, NoticeHistory notices, DunningCases cases, LedgerService ledger, Clock clock) {
        this.postings = postings;
        this.notices = notices;
        this.cases = cases;
        this.ledger = ledger;
        this.clock = clock;
    }

    /**
     * A notice went out: what it claims beyond the notices before it. A business debtor's compensation is offset
     * against the fees (the larger of the two, never both), so the first notice claims the compensation and a later
     * fee adds only what it takes the fees above it: claimed(n) = earlier fees + own fee + compensation beyond the
     * fees, and the posting is claimed(n) - claimed(previous notice). An interest invoice claims its interest.
     */
    @Transactional
    public void noticeSent(long caseId, long noticeId) {
        List<Notice> delivered = notices.of(caseId).stream()
                .filter(n -> n.status() == NoticeStatus.DELIVERED).sorted(Comparator.comparing(Notice::id)).toList();
        Notice notice = delivered.stream().filter(n -> n.id() == noticeId).findFirst().orElseThrow(
                () -> new IllegalStateException("Notice " + noticeId + " is not delivered; nothing to post"));
        Context context = context(notice.caseId());
        if (notice.kind() == NoticeKind.INTEREST_INVOICE) {
            post(context, PostingType.INTEREST, "notice:" + noticeId + ":interest", notice.total(),
                    "Interest invoiced (" + context.invoiceNumber() + ")");
            return;
        }
        Optional<Notice> previous = delivered.stream()
                .filter(n -> n.id() < noticeId && n.kind() != NoticeKind.INTEREST_INVOICE)
                .reduce((first, second) -> second);
        BigDecimal claimedBefore = previous.map(CasePostings::claimed).orElse(BigDecimal.ZERO);
        BigDecimal compensationBefore = previous.map(Notice::compensation).orElse(BigDecimal.ZERO);
        BigDecimal added = claimed(notice).subtract(claimedBefore).max(BigDecimal.ZERO);
        BigDecimal compensation = notice.compensation().subtract(compensationBefore).max(BigDecimal.ZERO).min(added);
        String letter = notice.kind().label() + (notice.sequence() != null ? " no. " + notice.sequence() : "")
                + " of " + notice.sendDate();
        post(context, PostingType.COMPENSATION, "notice:" + noticeId + ":compensation", compensation,
                "Standard compensation (forsinkelsesrenteloven § 3a), " + letter);
        post(context, PostingType.FEE, "notice:" + noticeId + ":fee", added.subtract(compensation), "Fee, " + letter);
    }

    /**
     * The case is settled by payment: payments beyond the principal went to the fees first and then to interest, so
     * that much interest is income.
     */
    @Transactional
    public void settled(long caseId, Claim claim) {
        BigDecimal interestPaid = claim.paidBeyondPrincipal().subtract(claim.feesCharged()).max(BigDecimal.ZERO)
                .min(claim.interest().total());
        post(context(caseId), PostingType.INTEREST, "case:" + caseId + ":interest-paid", interestPaid,
                "Interest paid with the claim");
    }

    /** What the creditor gives up of what the case posted: the fees and compensation not paid (interest left was never income). */
    @Transactional
    public void feesWrittenOff(long caseId, BigDecimal feesLeft, String why) {
        post(context(caseId), PostingType.WRITE_OFF, "case:" + caseId + ":fees-written-off", feesLeft, why);
    }

    /** The whole claim written off at the handover: the principal outstanding and the fees not paid. */
    @Transactional
    public void claimWrittenOff(long caseId, Claim claim, String why) {
        post(context(caseId), PostingType.WRITE_OFF, "case:" + caseId + ":written-off",
                claim.principal().max(BigDecimal.ZERO).add(claim.feesLeft()), why);
    }

    private record Context(long caseId, String invoiceNumber, String customerExternalId, String currency) {
    }

    private Context context(long caseId) {
        DunningCase dunningCase = cases.get(caseId);
        Invoice invoice = ledger.invoice(dunningCase.invoiceNumber());
        return new Context(caseId, invoice.number(), invoice.customerExternalId(), invoice.currency());
    }

    private void post(Context context, PostingType type, String sourceKey, BigDecimal amount, String text) {
        postings.post(new PostingRequest(type, sourceKey, LocalDate.now(clock), amount, context.currency(),
                context.invoiceNumber(), context.caseId(), context.customerExternalId(), Postings.fitText(text), false));
    }

    /** What the case claims with this notice: its fees so far and the compensation beyond them. */
    private static BigDecimal claimed(Notice notice) {
        return notice.earlierFees().add(notice.fee()).add(notice.compensation());
    }
}

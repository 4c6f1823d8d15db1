package no.purreflyt.collection;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

import no.purreflyt.claim.ClaimService;
import no.purreflyt.ledger.CreditNoteGuard;
import no.purreflyt.ledger.DunningCase;
import no.purreflyt.ledger.DunningCases;
import no.purreflyt.ledger.LedgerService;
import no.purreflyt.ledger.OutstandingChanged;
import no.purreflyt.posting.CasePostings;
import no.purreflyt.posting.PostingType;
import no.purreflyt.posting.Postings;
import no.purreflyt.rules.Claim;
import no.purreflyt.web.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The claim's life with a collection agency: the handover through the agency's connector, the withdrawal window, what
 * the agency is told when the creditor takes the claim back or is paid directly, and the postings each step leaves in
 * the creditor's books. The process calls it; the agency's own reports arrive through {@link AgencyCallbacks}.
 */
@Service
public class CollectionService implements CreditNoteGuard {

    private static final Logger log = LoggerFactory.getLogger(CollectionService.class);

    private final Handovers handovers;
    private final AgencyMessages messages;
    private final Agencies agencies;
    private final DunningCases cases;
    private final LedgerService ledger;
    private final ClaimService claims;
    private final Postings postings;
    private final CasePostings casePostings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CollectionService(Handovers handovers, AgencyMessages messages, Agencies agencies, DunningCases cases, LedgerService ledger,
            ClaimService claims, Postings postings, CasePostings casePostings, ApplicationEventPublisher events,
            Clock clock) {
        this.casePostings = casePostings;
        this.handovers = handovers;
        this.messages = messages;
        this.agencies = agencies;
        this.cases = cases;
        this.ledger = ledger;
        this.claims = claims;
        this.postings = postings;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Hands the case's claim to the agency: records what goes (the principal outstanding and the fees its notices
     * charged that are unpaid), sends it through the agency's connector, and moves it to the agency's account in the
     * books. A retried job sends the same message again (the agency deduplicates by its id) and posts nothing twice.
     *
     * @throws AgencyUnavailableException when the agency cannot take it now (the job is retried, then an incident)
     */
    @Transactional
    public Handovers.Handover handOver(long caseId, String agency, int windowDays) {
        if (agency == null) {
            throw new IllegalStateException("Case " + caseId + " reached its handover, but its plan names no collection "
                    + "agency; give the plan's handover an agency and move the case to the new version");
        }
        agencies.byName(agency);
        DunningCase dunningCase = cases.get(caseId);
        LocalDate today = LocalDate.now(clock);
        Claim claim = claims.claim(dunningCase.invoiceNumber(), today).claim();
        Handovers.Handover handover = handovers.record(caseId, agency, claim.principal().max(BigDecimal.ZERO),
                claim.feesLeft(), claim.currency(), today.plusDays(windowDays));
        agencies.connectorFor(agency).send(messages.handover(handover, claim));
        handovers.sent(caseId);
        post(handover, PostingType.HANDOVER, "handover", handover.claimed(), "Handed over to " + agency, true);
        log.info("Case {} (invoice {}) handed over to {}: {} {} (principal {}, fees {}); withdrawal window until {}",
                caseId, handover.invoiceNumber(), agency, handover.claimed(), handover.currency(), handover.principal(),
                handover.fees(), handover.windowEndsOn());
        return handovers.find(caseId).orElseThrow();
    }

    @Transactional(readOnly = true)
    public Optional<Handovers.Handover> find(long caseId) {
        return handovers.find(caseId);
    }

    /** The handover of the invoice's open case while the agency holds the claim. */
    @Transactional(readOnly = true)
    public Optional<Handovers.Handover> withAgency(String invoiceNumber) {
        return handovers.ofOpenCase(invoiceNumber).filter(h -> h.status().withAgency());
    }

    /**
     * A credit controller takes the claim back within the window (the API's way; Tasklist's is the window's task).
     * The case is told in this transaction and tells the agency in a job of its own.
     */
    @Transactional
    public Handovers.Handover requestWithdrawal(String invoiceNumber, String reason, String by) {
        ledger.invoice(invoiceNumber);
        Handovers.Handover handover = handovers.lockOfOpenCase(invoiceNumber).filter(h -> h.status().withAgency())
                .orElseThrow(() -> ProblemException.conflict("number", "Invoice " + invoiceNumber + " is not with a "
                        + "collection agency, so there is nothing to withdraw"));
        LocalDate today = LocalDate.now(clock);
        if (today.isAfter(handover.windowEndsOn())) {
            throw ProblemException.conflict("number", "The withdrawal window of invoice " + invoiceNumber + " ended on "
                    + handover.windowEndsOn() + "; " + handover.agency() + " now works the claim. Ask the agency to close "
                    + "it, or wait for its result");
        }
        events.publishEvent(new WithdrawalRequested(invoiceNumber, handover.caseId(), reason + " - withdrawn by " + by));
        return handover;
    }

    /**
     * Tells the agency what the creditor decided and records it.
     *
     * @return how the collection ended (a case outcome), or null when the agency goes on collecting
     */
    @Transactional
    public String tell(long caseId, AgencyMessage.Type kind, String note, String by) {
        Handovers.Handover handover = handovers.find(caseId)
                .orElseThrow(() -> new IllegalStateException("Case " + caseId + " has no handover to tell an agency of"));
        switch (kind) {
            case WITHDRAWAL -> {
                send(handover, messages.withdrawal(handover, note));
                closeWithAgency(handover, Handovers.Status.WITHDRAWN, by, note, "withdrawal");
                return "WITHDRAWN";
            }
            case PAYMENT_RECEIVED -> {
                // every direct payment since the handover, so a report the agency missed is in the next one
                send(handover, messages.paymentReceived(handover,
                        ledger.directPaymentsSince(handover.invoiceNumber(), handover.handedOverAt()), note));
                return null;
            }
            case COLLECTION_ENDED -> {
                send(handover, messages.collectionEnded(handover, note));
                closeWithAgency(handover, Handovers.Status.WITHDRAWN, by, note, "collection-ended");
                return settleAfterCollection(handover);
            }
            default -> throw new IllegalArgumentException("The process tells an agency WITHDRAWAL, PAYMENT_RECEIVED or "
                    + "COLLECTION_ENDED, not " + kind);
        }
    }

    /**
     * The creditor ended the collection after a payment: with the principal paid, the case is paid as it would be
     * before a handover, the interest paid beyond the fees is income, and the fees the creditor no longer pursues are
     * written off; otherwise the claim is back with the creditor (withdrawn).
     */
    private String settleAfterCollection(Handovers.Handover handover) {
        Claim claim = claims.claim(handover.invoiceNumber(), LocalDate.now(clock)).claim();
        if (claim.principal().signum() > 0) {
            return "WITHDRAWN";
        }
        casePostings.settled(handover.caseId(), claim);
        casePostings.feesWrittenOff(handover.caseId(), claim.feesLeft(), "Fees not paid, given up when the creditor "
                + "ended the collection after the debtor paid the principal");
        return "PAID";
    }

    private void send(Handovers.Handover handover, AgencyMessage message) {
        agencies.connectorFor(handover.agency()).send(message);
    }

    /** The claim comes back from the agency: whatever its account still holds returns to the receivable. */
    private void closeWithAgency(Handovers.Handover handover, Handovers.Status status, String by, String note,
            String what) {
        if (handovers.close(handover.caseId(), status, by, note)) {
            BigDecimal atAgency = postings.atAgency(handover.invoiceNumber());
            post(handover, PostingType.WITHDRAWAL, what, atAgency, "Taken back from " + handover.agency()
                    + (note != null ? ": " + note : ""), true);
            log.info("Case {} (invoice {}): {} from {}; {} {} back on the receivable", handover.caseId(),
                    handover.invoiceNumber(), status, handover.agency(), atAgency, handover.currency());
        }
    }

    /**
     * A payment straight to the creditor while the agency holds the claim: the accounting system books it against the
     * receivable, so that much comes back from the agency's account. (The case asks a credit controller what the
     * agency is told.)
     */
    @EventListener
    void on(OutstandingChanged changed) {
        if (changed.credit() || changed.byAgency()) {
            return;
        }
        withAgency(changed.invoiceNumber()).ifPresent(handover -> {
            long paymentNo = ledger.invoice(changed.invoiceNumber()).payments().size();
            post(handover, PostingType.COLLECTION_PAYMENT, "payment-" + paymentNo,
                    changed.change().min(postings.atAgency(handover.invoiceNumber())).max(BigDecimal.ZERO),
                    "Paid to the creditor while " + handover.agency() + " holds the claim", true);
        });
    }

    @Override
    public Optional<String> refusal(String invoiceNumber) {
        return withAgency(invoiceNumber).map(h -> "Invoice " + invoiceNumber + " is with the collection agency "
                + h.agency() + " (handed over " + h.handedOverAt().atZone(clock.getZone()).toLocalDate()
                + "); withdraw the collection first (POST /api/invoices/" + invoiceNumber + "/withdraw within the window "
                + "until " + h.windowEndsOn() + ", or end it when a payment arrives), then record the credit note");
    }

    /**
     * @param atAgency whether the amount is on the agency's account (interest, write-off and collections while the
     *                 agency holds the claim)
     */
    void post(Handovers.Handover handover, PostingType type, String what, BigDecimal amount, String text,
            boolean atAgency) {
        postings.post(new no.purreflyt.posting.PostingRequest(type, "case:" + handover.caseId() + ":" + what,
                LocalDate.now(clock), amount, handover.currency(), handover.invoiceNumber(), handover.caseId(),
                ledger.invoice(handover.invoiceNumber()).customerExternalId(), Postings.fitText(text), atAgency));
    }
}

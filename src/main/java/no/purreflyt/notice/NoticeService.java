package no.purreflyt.notice;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import no.purreflyt.claim.ClaimService;
import no.purreflyt.ledger.Customer;
import no.purreflyt.ledger.DunningCase;
import no.purreflyt.ledger.DunningCases;
import no.purreflyt.ledger.Invoice;
import no.purreflyt.ledger.LedgerService;
import no.purreflyt.plan.DunningPlan;
import no.purreflyt.plan.Plans;
import no.purreflyt.rules.Claim;
import no.purreflyt.rules.FeeDecision;
import no.purreflyt.rules.FeeRequest;
import no.purreflyt.rules.FeeRules;
import no.purreflyt.rules.NoticeKind;
import no.purreflyt.rules.SentNotice;
import no.purreflyt.rules.StepDates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The life of a notice: prepared (fee and interest computed with the rules on its sending day, stored once per step
 * of the case's plan), reviewed by a credit controller where the plan says so, and delivered once.
 */
@Service
public class NoticeService {

    private static final Logger log = LoggerFactory.getLogger(NoticeService.class);

    private final NoticeRepository notices;
    private final NoticeHistory history;
    private final DunningCases cases;
    private final LedgerService ledger;
    private final Plans plans;
    private final ClaimService claims;
    private final FeeRules feeRules;
    private final StepDates stepDates;
    private final Letters letters;
    private final NoticeDocuments documents;
    private final MailDelivery mail;
    private final Deliveries deliveries;
    private final DeliverySettings settings;
    private final CreditorProperties creditor;
    private final Clock clock;

    NoticeService(NoticeRepository notices, NoticeHistory history, DunningCases cases, LedgerService ledger, Plans plans,
            ClaimService claims, FeeRules feeRules, StepDates stepDates, Letters letters, NoticeDocuments documents,
            MailDelivery mail, Deliveries deliveries, DeliverySettings settings, CreditorProperties creditor,
            Clock clock) {
        this.notices = notices;
        this.history = history;
        this.cases = cases;
        this.ledger = ledger;
        this.plans = plans;
        this.claims = claims;
        this.feeRules = feeRules;
        this.stepDates = stepDates;
        this.letters = letters;
        this.documents = documents;
        this.mail = mail;
        this.deliveries = deliveries;
        this.settings = settings;
        this.creditor = creditor;
        this.clock = clock;
    }

    /**
     * Prepares the notice of a step of the case's plan for today: its fee as the law allows it today given the notices
     * already sent, its deadline on a business day, and the claim it states. Idempotent: preparing the same step again
     * (after a postponement or a pause) refreshes the stored notice; a delivered one is answered as it is.
     *
     * @throws NoticeRefusedException when the law refuses the step today; the step is stored as skipped
     */
    @Transactional(noRollbackFor = NoticeRefusedException.class)
    public Notice prepare(long caseId, int planStep) {
        DunningCase dunningCase = cases.get(caseId);
        Invoice invoice = ledger.invoice(dunningCase.invoiceNumber());
        Customer debtor = ledger.customer(invoice.customerExternalId());
        DunningPlan plan = plans.ofCase(caseId);
        DunningPlan.Step step = plan.step(planStep);
        NoticeKind kind = step.kind().noticeIn(debtor.country());
        if (kind == null) {
            throw new IllegalArgumentException("Step " + planStep + " of case " + caseId + " is a " + step.kind()
                    + ", which sends no notice");
        }
        Optional<Notice> existing = notices.ofStep(caseId, planStep);
        if (existing.isPresent() && existing.get().status() == NoticeStatus.SKIPPED) {
            throw new NoticeRefusedException(existing.get().feeReason());
        }
        if (existing.isPresent() && existing.get().status() != NoticeStatus.PREPARED) {
            return existing.get();
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate deadline = stepDates.deadline(debtor.country(), today, step.deadlineDays());
        List<SentNotice> sent = history.sent(caseId);
        FeeDecision decision = feeRules.decide(new FeeRequest(debtor.country(), debtor.type(), kind, invoice.dueDate(),
                today, deadline, sent, plan.reminderFeeAgreed()), !step.withoutFee());
        NoticeRepository.Amounts amounts = amounts(invoice, debtor, plan, sent, kind, today, deadline, decision.fee(),
                decision.rule(), decision.reason());
        long id;
        if (existing.isPresent()) {
            id = existing.get().id();
            notices.refresh(id, amounts, clock.instant());
        } else {
            id = notices.insert(caseId, planStep, step.kind(), kind, notices.nextSequence(caseId, kind),
                    NoticeStatus.PREPARED, amounts, clock.instant());
        }
        if (!decision.allowed()) {
            notices.skip(id, decision.rule(), decision.reason());
            log.info("Case {} step {}: {} skipped on {}: {}", caseId, planStep, kind, today, decision.reason());
            throw new NoticeRefusedException(decision.reason());
        }
        Notice notice = notices.find(id).orElseThrow();
        write(notice, invoice, debtor, plan);
        return notice;
    }

    /**
     * Prepares the case's interest invoice (rentenota / räntefaktura): when its plan asks for one and the invoice has
     * been paid, the late-payment interest that accrued and that payments beyond the principal did not cover is invoiced
     * if it is above the plan's minimum, with the plan's deadline from today moved to a business day. Works on an open
     * case and on a closed one. Idempotent: a case's interest invoice, once prepared, is answered as it is (one per
     * case); it is delivered like any notice ({@link #deliver}).
     *
     * @return the interest invoice, or empty (and the reason logged) when the plan writes none, the invoice is not
     *         paid, or the interest left is not above the minimum
     */
    @Transactional
    public Optional<Notice> prepareInterestInvoice(long caseId) {
        Optional<Notice> existing = history.interestInvoice(caseId);
        if (existing.isPresent()) {
            return existing;
        }
        DunningCase dunningCase = cases.get(caseId);
        DunningPlan plan = plans.ofCase(caseId);
        if (!plan.hasInterestInvoice()) {
            log.info("Case {}: no interest invoice; its plan {} writes none", caseId, plan.reference());
            return Optional.empty();
        }
        Invoice invoice = ledger.invoice(dunningCase.invoiceNumber());
        Customer debtor = ledger.customer(invoice.customerExternalId());
        LocalDate today = LocalDate.now(clock);
        Claim claim = claims.claimOf(invoice, debtor, plan, history.sent(caseId), today);
        if (claim.principal().signum() > 0) {
            // interest is invoiced on its own only once the principal is paid; until then the claim carries it
            log.info("Case {}: no interest invoice; invoice {} still has {} {} of its principal outstanding on {}",
                    caseId, invoice.number(), claim.principal(), claim.currency(), today);
            return Optional.empty();
        }
        BigDecimal interest = claim.interestLeft().setScale(2);
        if (interest.compareTo(plan.interestInvoiceMinimum()) <= 0) {
            log.info("Case {}: no interest invoice; the interest left unpaid, {} {} (of {} accrued), is not above the "
                    + "plan's minimum of {}", caseId, interest, claim.currency(), claim.interest().total(),
                    plan.interestInvoiceMinimum());
            return Optional.empty();
        }
        LocalDate deadline = stepDates.deadline(debtor.country(), today, plan.interestInvoiceDeadlineDays());
        BigDecimal zero = BigDecimal.ZERO.setScale(2);
        NoticeRepository.Amounts amounts = new NoticeRepository.Amounts(today, deadline, claim.currency(), zero, interest,
                zero, zero, zero, interest, INTEREST_INVOICE_RULE, "The interest left unpaid, " + interest + " "
                        + claim.currency() + " of " + claim.interest().total() + " accrued, is above the plan's minimum "
                        + "of " + plan.interestInvoiceMinimum());
        Optional<Long> id = notices.insertInterestInvoice(caseId, amounts, clock.instant());
        if (id.isEmpty()) {
            return history.interestInvoice(caseId); // prepared meanwhile by another caller
        }
        Notice notice = notices.find(id.get()).orElseThrow();
        write(notice, invoice, debtor, plan);
        log.info("Case {}: interest invoice {} prepared: {}", caseId, notice.id(), notice.summary());
        return Optional.of(notice);
    }

    /** The rule an interest invoice names for its amount (it charges no fee). */
    private static final String INTEREST_INVOICE_RULE = "late-payment interest left unpaid";

    /**
     * Fits a case's notices to a new version of its plan (see {@code StepMapping}): each taken notice moves to its new
     * step, and the new steps the case passed without taking them are recorded as skipped with the reason, so they are
     * never sent late. In the caller's transaction, with the case's move.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public void fitToPlan(long caseId, java.util.Map<Long, Integer> steps, List<Integer> skipped, DunningPlan newPlan,
            String reason) {
        notices.moveSteps(caseId, steps);
        DunningCase dunningCase = cases.get(caseId);
        Invoice invoice = ledger.invoice(dunningCase.invoiceNumber());
        Customer debtor = ledger.customer(invoice.customerExternalId());
        LocalDate today = LocalDate.now(clock);
        BigDecimal zero = BigDecimal.ZERO.setScale(2);
        for (int planStep : skipped) {
            DunningPlan.Step step = newPlan.step(planStep);
            NoticeKind kind = step.kind().noticeIn(debtor.country());
            long id = notices.insert(caseId, planStep, step.kind(), kind, null, NoticeStatus.SKIPPED,
                    new NoticeRepository.Amounts(today, null, invoice.currency(), zero, zero, zero, zero, zero, zero,
                            FeeDecision.PLAN_RULE, reason), clock.instant());
            log.info("Case {}: step {} ({}, notice {}) of the new plan recorded as skipped: {}", caseId, planStep,
                    step.name(), id, reason);
        }
    }

    /**
     * Records a credit controller's review. Send without fee waives this notice's fee (and recomputes the business
     * debtor's compensation, which the fee no longer covers); stop cancels the notice; postpone keeps it prepared.
     */
    @Transactional
    public Notice review(long noticeId, ReviewDecision decision, String note, String by) {
        Notice notice = notices.lock(noticeId).orElseThrow(() -> new IllegalStateException("No notice " + noticeId));
        if (notice.status() != NoticeStatus.PREPARED) {
            throw new IllegalStateException("Notice " + noticeId + " is " + notice.status() + "; only a prepared notice "
                    + "can be reviewed");
        }
        NoticeStatus status = decision == ReviewDecision.STOP ? NoticeStatus.CANCELLED : NoticeStatus.PREPARED;
        notices.review(noticeId, decision, by, note, status);
        if (decision == ReviewDecision.SEND_WITHOUT_FEE && notice.fee().signum() > 0) {
            DunningCase dunningCase = cases.get(notice.caseId());
            Invoice invoice = ledger.invoice(dunningCase.invoiceNumber());
            Customer debtor = ledger.customer(invoice.customerExternalId());
            NoticeRepository.Amounts withoutFee = amounts(invoice, debtor, plans.ofCase(notice.caseId()),
                    history.sent(notice.caseId()), notice.kind(), notice.sendDate(), notice.deadline(),
                    BigDecimal.ZERO.setScale(2), notice.feeRule(), notice.feeReason());
            notices.waiveFee(noticeId, withoutFee.compensation(), withoutFee.total());
            write(notices.find(noticeId).orElseThrow(), invoice, debtor, plans.ofCase(notice.caseId()));
        }
        return notices.find(noticeId).orElseThrow();
    }

    /**
     * Delivers a prepared notice once: by e-mail where the debtor has an address (and, for an inkassovarsel, where the
     * delivery setting allows e-mail), else into the print queue of the day. A notice already delivered is answered
     * as it is; an e-mail the relay already took is not sent again.
     *
     * @throws NoContactAddressException when the debtor cannot be reached, or the relay refused the address; the
     *                                    notice stays prepared (and the caller's transaction may commit: the process
     *                                    routes the case to a person)
     */
    @Transactional(noRollbackFor = NoContactAddressException.class)
    public Notice deliver(long noticeId) {
        Notice notice = notices.lock(noticeId).orElseThrow(() -> new IllegalStateException("No notice " + noticeId));
        if (notice.status() == NoticeStatus.DELIVERED) {
            return notice;
        }
        if (notice.status() != NoticeStatus.PREPARED) {
            throw new IllegalStateException("Notice " + noticeId + " is " + notice.status() + " and cannot be delivered");
        }
        Invoice invoice = ledger.invoice(cases.get(notice.caseId()).invoiceNumber());
        Customer debtor = ledger.customer(invoice.customerExternalId());
        Optional<RenderedLetter> restated = restated(notice, invoice, debtor);
        RenderedLetter letter = restated.or(() -> documents.find(noticeId))
                .orElseGet(() -> write(notice, invoice, debtor, plans.ofCase(notice.caseId())));
        String channel = channelFor(notice, debtor);
        if (channel.equals("EMAIL")) {
            mail.send(notice, debtor, invoice.number(), letter);
        } else {
            deliveries.queue(noticeId, LocalDate.now(clock), clock.instant());
            log.info("Notice {} ({} no. {}) queued for the print run of {}", noticeId, notice.kind(), notice.sequence(),
                    LocalDate.now(clock));
        }
        notices.delivered(noticeId, channel, clock.instant());
        return notices.find(noticeId).orElseThrow();
    }

    /**
     * A payment or credit note recorded after the notice was prepared (while its letter was being written, or while it
     * waited for review) must be on the letter that goes out, not the claim as it stood before: the notice's amounts
     * are worked out again for its own sending day and fee, and where they changed the notice is restated and its
     * letter written again. Never once an earlier attempt may have handed the letter over (the record says what went
     * out), nor for the interest invoice, whose amount is no claim of a plan step.
     *
     * @return the letter written again, or empty when the notice stands as prepared
     */
    private Optional<RenderedLetter> restated(Notice notice, Invoice invoice, Customer debtor) {
        if (notice.interestInvoice() || deliveries.find(notice.id()).filter(d -> d.state() != Deliveries.State.FAILED
                && d.state() != Deliveries.State.REJECTED).isPresent()) {
            return Optional.empty();
        }
        DunningPlan plan = plans.ofCase(notice.caseId());
        NoticeRepository.Amounts now = amounts(invoice, debtor, plan, history.sent(notice.caseId()), notice.kind(),
                notice.sendDate(), notice.deadline(), notice.fee(), notice.feeRule(), notice.feeReason());
        if (now.principal().compareTo(notice.principal()) == 0 && now.total().compareTo(notice.total()) == 0) {
            return Optional.empty();
        }
        notices.restate(notice.id(), now);
        log.info("Notice {} ({} no. {}) restated before delivery, the ledger changed since it was prepared: principal "
                + "{} -> {}, total {} -> {} {}", notice.id(), notice.kind(), notice.sequence(), notice.principal(),
                now.principal(), notice.total(), now.total(), now.currency());
        return Optional.of(write(notices.find(notice.id()).orElseThrow(), invoice, debtor, plan));
    }

    /** The rendered letter of a notice, as it was (or will be) sent. */
    @Transactional(readOnly = true)
    Optional<RenderedLetter> letter(long noticeId) {
        return documents.find(noticeId);
    }

    /**
     * A person's answer to an uncertain e-mail delivery (the server stopped between the hand-off and its record):
     * handed over, so it is not sent again; or not, so the next attempt sends it.
     */
    @Transactional
    public void settleUncertainDelivery(long noticeId, boolean handedOver, String by) {
        Deliveries.Delivery delivery = deliveries.find(noticeId)
                .filter(d -> d.state() == Deliveries.State.SENDING)
                .orElseThrow(() -> new IllegalStateException("Notice " + noticeId + " has no e-mail whose hand-off is "
                        + "uncertain"));
        deliveries.outcome(noticeId, handedOver ? Deliveries.State.SENT : Deliveries.State.FAILED,
                handedOver ? null : "not handed over, says " + by, clock.instant());
        log.warn("Notice {}: {} says e-mail {} was {}handed to the relay", noticeId, by, delivery.messageId(),
                handedOver ? "" : "not ");
    }

    private String channelFor(Notice notice, Customer debtor) {
        boolean byPostOnly = notice.kind() == NoticeKind.INKASSOVARSEL && !settings.inkassovarselByEmail();
        if (debtor.email() != null && !byPostOnly) {
            return "EMAIL";
        }
        if (debtor.hasPostalAddress()) {
            return "POST";
        }
        throw new NoContactAddressException("Customer " + debtor.externalId() + " (" + debtor.name() + ") has "
                + (byPostOnly && debtor.email() != null
                        ? "no full postal address (line 1, postal code, city), and inkassovarsler go by post (delivery "
                                + "setting)"
                        : "no e-mail address and no full postal address (line 1, postal code, city)"));
    }

    /** Renders the notice's letter with the text in force and keeps it with the notice. */
    private RenderedLetter write(Notice notice, Invoice invoice, Customer debtor, DunningPlan plan) {
        List<SentNotice> sent = history.sent(notice.caseId());
        Claim claim = claimWith(invoice, debtor, plan, sent, notice.asSent());
        LetterFacts facts = LetterFacts.of(notice, claim, sent, invoice, debtor, creditor);
        RenderedLetter letter = letters.write(facts);
        documents.save(notice.id(), facts.kind(), facts.language(), letter, clock.instant());
        return letter;
    }

    /** The claim on a notice's sending day, with its own fee beside those of the notices sent before it. */
    private Claim claimWith(Invoice invoice, Customer debtor, DunningPlan plan, List<SentNotice> sent, SentNotice self) {
        List<SentNotice> withThis = new ArrayList<>(sent);
        withThis.add(self);
        return claims.claimOf(invoice, debtor, plan, withThis, self.sentOn());
    }

    private NoticeRepository.Amounts amounts(Invoice invoice, Customer debtor, DunningPlan plan, List<SentNotice> sent,
            NoticeKind kind, LocalDate day, LocalDate deadline, BigDecimal fee, String rule, String reason) {
        Claim claim = claimWith(invoice, debtor, plan, sent, new SentNotice(kind, day, deadline, fee));
        BigDecimal earlierFees = sent.stream().filter(n -> !n.sentOn().isAfter(day)).map(SentNotice::fee)
                .reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2);
        return new NoticeRepository.Amounts(day, deadline, claim.currency(), claim.principal(),
                claim.interest().total(), earlierFees, fee.setScale(2), claim.compensation().charged(), claim.total(),
                rule, reason);
    }
}

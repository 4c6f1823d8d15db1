package no.purreflyt.collection;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;

import no.purreflyt.ledger.Customer;
import no.purreflyt.ledger.Invoice;
import no.purreflyt.ledger.LedgerService;
import no.purreflyt.notice.CreditorProperties;
import no.purreflyt.notice.Notice;
import no.purreflyt.notice.NoticeHistory;
import no.purreflyt.notice.NoticeLetters;
import no.purreflyt.notice.NoticeStatus;
import no.purreflyt.rules.Claim;
import no.purreflyt.rules.InterestLine;
import no.purreflyt.rules.NoticeKind;
import org.springframework.stereotype.Component;

/**
 * Writes what an agency is told about a case: the handover with everything an agency needs to collect (debtor,
 * invoice, claim, interest rate and from-date, the notices sent and the inkassovarsel as the debtor got it), and the
 * short messages after it. Message ids are stable per case and kind, so a retried job sends the same message again
 * and the agency can tell.
 */
@Component
class AgencyMessages {

    private final LedgerService ledger;
    private final NoticeHistory notices;
    private final NoticeLetters letters;
    private final CreditorProperties creditor;
    private final Clock clock;

    AgencyMessages(LedgerService ledger, NoticeHistory notices, NoticeLetters letters, CreditorProperties creditor,
            Clock clock) {
        this.ledger = ledger;
        this.notices = notices;
        this.letters = letters;
        this.creditor = creditor;
        this.clock = clock;
    }

    AgencyMessage handover(Handovers.Handover handover, Claim claim) {
        Invoice invoice = ledger.invoice(handover.invoiceNumber());
        Customer debtor = ledger.customer(invoice.customerExternalId());
        List<Notice> sent = notices.of(handover.caseId()).stream().filter(n -> n.status() == NoticeStatus.DELIVERED)
                .toList();
        List<InterestLine> lines = claim.interest().lines();
        // the agency goes on with the rate of the day and the date interest runs from (the day after the due date)
        BigDecimal rate = lines.isEmpty() ? null : lines.get(lines.size() - 1).ratePercent();
        AgencyMessage.ClaimFacts claimFacts = new AgencyMessage.ClaimFacts(claim.on(), handover.principal(), rate,
                invoice.dueDate().plusDays(1), claim.interestLeft(), claim.fees().stream()
                        .map(no.purreflyt.rules.SentNotice::fee).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2),
                claim.compensation().charged(), handover.claimed().add(claim.interestLeft()), handover.currency());
        Notice inkassovarsel = sent.stream()
                .filter(n -> n.kind() == NoticeKind.INKASSOVARSEL || n.kind() == NoticeKind.INKASSOKRAV)
                .reduce((first, second) -> second).orElse(null);
        AgencyMessage.Document document = inkassovarsel == null ? null : letters.pdf(inkassovarsel.id())
                .map(pdf -> new AgencyMessage.Document(invoice.number() + "-" + inkassovarsel.kind().name().toLowerCase()
                        + ".pdf", "application/pdf", pdf))
                .orElse(null);
        Customer.Address address = debtor.address();
        return new AgencyMessage(id(handover, "handover"), AgencyMessage.Type.HANDOVER, handover.agency(),
                clock.instant(), invoice.number(), handover.caseId(),
                new AgencyMessage.Creditor(creditor.name(), creditor.organisationNumber(), creditor.bankAccount()),
                new AgencyMessage.Debtor(debtor.externalId(), debtor.name(), debtor.type().name(), debtor.email(),
                        address == null ? null : address.line1(), address == null ? null : address.line2(),
                        address == null ? null : address.postalCode(), address == null ? null : address.city(),
                        debtor.country().name(), debtor.language() == null ? null : debtor.language().name()),
                new AgencyMessage.InvoiceFacts(invoice.number(), invoice.issueDate(), invoice.dueDate(), invoice.amount(),
                        invoice.currency(), invoice.kid()),
                claimFacts,
                sent.stream().map(n -> new AgencyMessage.NoticeFacts(n.kind().name(),
                        n.sequence() == null ? 0 : n.sequence(), n.sendDate(), n.deadline(), n.fee(), n.channel())).toList(),
                document, null, null);
    }

    AgencyMessage withdrawal(Handovers.Handover handover, String reason) {
        return AgencyMessage.about(id(handover, "withdrawal"), AgencyMessage.Type.WITHDRAWAL, handover.agency(),
                clock.instant(), handover.invoiceNumber(), handover.caseId(), null, reason);
    }

    /**
     * What the debtor paid the creditor directly since the handover, all of it: the amount is the total, the date the
     * latest payment's, the reference lists each. A later message replaces an earlier one, so none missed matters.
     */
    AgencyMessage paymentReceived(Handovers.Handover handover, List<Invoice.Payment> sinceHandover, String note) {
        BigDecimal total = sinceHandover.stream().map(Invoice.Payment::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        String reference = sinceHandover.stream().map(p -> p.amount().toPlainString() + " on " + p.paidOn()
                + (p.reference() != null ? " (" + p.reference() + ")" : "")).collect(java.util.stream.Collectors.joining("; "));
        AgencyMessage.Payment paid = sinceHandover.isEmpty() ? null : new AgencyMessage.Payment(total,
                handover.currency(), sinceHandover.get(sinceHandover.size() - 1).paidOn(), reference);
        return AgencyMessage.about(id(handover, "payment-" + sinceHandover.size()), AgencyMessage.Type.PAYMENT_RECEIVED,
                handover.agency(), clock.instant(), handover.invoiceNumber(), handover.caseId(), paid, note);
    }

    AgencyMessage collectionEnded(Handovers.Handover handover, String note) {
        return AgencyMessage.about(id(handover, "collection-ended"), AgencyMessage.Type.COLLECTION_ENDED,
                handover.agency(), clock.instant(), handover.invoiceNumber(), handover.caseId(), null, note);
    }

    private static String id(Handovers.Handover handover, String what) {
        return "purreflyt-case-" + handover.caseId() + "-" + what;
    }
}

package no.purreflyt.ledger;

import java.time.Clock;
import java.util.Optional;
import no.purreflyt.web.ProblemException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Debtors' objections to invoices. While a dispute is open the invoice's case charges nothing more and waits for a
 * credit controller (inkassoloven § 17 (2) and good collection practice, § 8). A dispute on an invoice without a case
 * is kept too: the case starter still opens the case, which goes straight to "Resolve dispute".
 */
@Service
public class Disputes {

    private final DisputeRepository disputes;
    private final InvoiceRepository invoices;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Disputes(DisputeRepository disputes, InvoiceRepository invoices, ApplicationEventPublisher events, Clock clock) {
        this.disputes = disputes;
        this.invoices = invoices;
        this.events = events;
        this.clock = clock;
    }

    /** Records a dispute; a second one while the first is open is refused (409), as is one on a settled invoice. */
    @Transactional
    public Dispute raise(String invoiceNumber, DisputeRequest request, String by) {
        InvoiceRepository.Row invoice = invoices.lock(invoiceNumber)
                .orElseThrow(() -> ProblemException.notFound("No invoice with number " + invoiceNumber));
        Optional<Dispute> open = disputes.open(invoiceNumber);
        if (open.isPresent()) {
            throw ProblemException.conflict("reason", "Invoice " + invoiceNumber + " has an open dispute already (raised "
                    + open.get().raisedAt() + "): " + open.get().reason());
        }
        if (invoice.outstanding().signum() <= 0) {
            throw ProblemException.invalid("reason", "Invoice " + invoiceNumber + " has nothing outstanding; there is "
                    + "nothing to dispute");
        }
        String reason = request.reason().strip();
        long id = disputes.insert(invoice.id(), reason, by, clock.instant());
        events.publishEvent(new DisputeRaised(invoiceNumber, id, reason));
        return disputes.find(id).orElseThrow();
    }

    @Transactional(readOnly = true)
    public Optional<Dispute> openDispute(String invoiceNumber) {
        return disputes.open(invoiceNumber);
    }

    /** Resolves the invoice's open dispute; an invoice without one is an error the engine shows as an incident. */
    @Transactional
    public Dispute resolve(String invoiceNumber, DisputeResolution resolution, String note, String by) {
        Dispute open = disputes.open(invoiceNumber)
                .orElseThrow(() -> new IllegalStateException("Invoice " + invoiceNumber + " has no open dispute to resolve"));
        disputes.resolve(open.id(), resolution, note, by, clock.instant());
        return disputes.find(open.id()).orElseThrow();
    }
}

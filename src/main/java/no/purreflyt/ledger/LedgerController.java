package no.purreflyt.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import no.purreflyt.web.ConcurrentChange;
import no.purreflyt.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The ledger's REST API, for accounting systems: customers, invoices, payments, credit notes. */
@RestController
@RequestMapping("/api")
@Tag(name = "Ledger", description = "Customers, invoices, payments and credit notes from the accounting system")
class LedgerController {

    private final LedgerService ledger;
    private final Disputes disputes;
    private final InvoiceDocuments documents;

    LedgerController(LedgerService ledger, Disputes disputes, InvoiceDocuments documents) {
        this.ledger = ledger;
        this.disputes = disputes;
        this.documents = documents;
    }

    @PostMapping("/customers")
    ResponseEntity<Customer> createCustomer(@Valid @RequestBody Customer customer) {
        Customer created = ledger.createCustomer(customer);
        return ResponseEntity.created(URI.create("/api/customers/" + created.externalId())).body(created);
    }

    @GetMapping("/customers/{externalId}")
    Customer customer(@PathVariable String externalId) {
        return ledger.customer(externalId);
    }

    @PatchMapping(path = "/customers/{externalId}", consumes = {"application/merge-patch+json", MediaType.APPLICATION_JSON_VALUE})
    @Operation(summary = "Change a customer with a JSON merge patch: present fields replace, null clears")
    Customer patchCustomer(@PathVariable String externalId, @RequestBody JsonNode patch) {
        return ConcurrentChange.retried(() -> ledger.patchCustomer(externalId, patch));
    }

    @PostMapping("/invoices")
    ResponseEntity<Invoice> createInvoice(@Valid @RequestBody InvoiceRequest invoice) {
        Invoice created = ledger.createInvoice(invoice);
        return ResponseEntity.created(URI.create("/api/invoices/" + created.number())).body(created);
    }

    @PostMapping(path = "/invoices/import", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    @Operation(summary = "Import invoices from CSV: all rows or none, with a per-row error list",
            description = "Header: number,customerExternalId,issueDate,dueDate,amount,currency[,kid,excluded]. "
                    + "Comma or semicolon separated; dates YYYY-MM-DD.")
    ResponseEntity<ImportResult> importInvoices(@RequestBody String csv) {
        List<String> numbers = ledger.importInvoices(InvoiceCsv.parse(csv));
        return ResponseEntity.status(HttpStatus.CREATED).body(new ImportResult(numbers.size(), numbers));
    }

    @GetMapping("/invoices/{number}")
    Invoice invoice(@PathVariable String number) {
        return ledger.invoice(number);
    }

    /** What of an invoice may change after it is recorded: whether it is dunned at all. */
    record InvoicePatch(@jakarta.validation.constraints.NotNull Boolean excluded) {
    }

    @PatchMapping(path = "/invoices/{number}", consumes = {"application/merge-patch+json", MediaType.APPLICATION_JSON_VALUE})
    @Operation(summary = "Exclude an invoice from dunning, or include it again: {\"excluded\": true}")
    Invoice patchInvoice(@PathVariable String number, @Valid @RequestBody InvoicePatch patch) {
        return ledger.setExcluded(number, patch.excluded());
    }

    /** Where the invoice document is answered: its metadata, never the bytes (they are at GET …/document). */
    record DocumentInfo(String invoiceNumber, String filename, int bytes, String uploadedBy, Instant uploadedAt) {
        static DocumentInfo of(InvoiceDocuments.Document d) {
            return new DocumentInfo(d.invoiceNumber(), d.filename(), d.content().length, d.uploadedBy(), d.uploadedAt());
        }
    }

    @PutMapping(path = "/invoices/{number}/document",
            consumes = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "Upload the original invoice (PDF); it is attached to the e-mails of the invoice's notices")
    DocumentInfo uploadDocument(@PathVariable String number, @RequestBody byte[] pdf, Principal principal) {
        return DocumentInfo.of(documents.upload(number, pdf, principal.getName()));
    }

    @GetMapping("/invoices/{number}/document")
    ResponseEntity<byte[]> document(@PathVariable String number) {
        ledger.invoice(number);
        InvoiceDocuments.Document document = documents.find(number).orElseThrow(() ->
                ProblemException.notFound("Invoice " + number + " has no uploaded document"));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "inline; filename=\"" + document.filename() + "\"")
                .body(document.content());
    }

    @PostMapping("/invoices/{number}/payments")
    @Operation(summary = "Record a payment; idempotent by externalId (a repeat answers 200 with the invoice)")
    ResponseEntity<Invoice> pay(@PathVariable String number, @Valid @RequestBody PaymentRequest payment) {
        LedgerService.PaymentOutcome outcome = ConcurrentChange.retried(() -> ledger.recordPayment(number, payment));
        return ResponseEntity.status(outcome.created() ? HttpStatus.CREATED : HttpStatus.OK).body(outcome.invoice());
    }

    @PostMapping("/invoices/{number}/credit-notes")
    ResponseEntity<Invoice> credit(@PathVariable String number, @Valid @RequestBody CreditNoteRequest creditNote) {
        LedgerService.PaymentOutcome outcome = ConcurrentChange.retried(() -> ledger.recordCreditNote(number, creditNote));
        return ResponseEntity.status(outcome.created() ? HttpStatus.CREATED : HttpStatus.OK).body(outcome.invoice());
    }

    @PostMapping("/invoices/{number}/disputes")
    @Operation(summary = "Record the debtor's objection: the case stops charging and waits for a credit controller "
            + "(Tasklist: Resolve dispute)")
    ResponseEntity<Dispute> dispute(@PathVariable String number, @Valid @RequestBody DisputeRequest request,
            Principal principal) {
        Dispute dispute = ConcurrentChange.retried(() -> disputes.raise(number, request, principal.getName()));
        return ResponseEntity.created(URI.create("/api/invoices/" + number + "/disputes/" + dispute.id())).body(dispute);
    }

    record ImportResult(int imported, List<String> invoices) {
    }
}

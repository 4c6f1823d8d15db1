package no.purreflyt.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import no.purreflyt.web.FieldProblem;
import no.purreflyt.web.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The creditor's ledger as Purreflyt needs it: customers, invoices, payments and credit notes, with the
 * outstanding balance of every invoice kept in step. Every operation checks everything before it writes,
 * and writes in one transaction, so a refused request leaves nothing behind.
 */
@Service
public class LedgerService {

    private static final Logger log = LoggerFactory.getLogger(LedgerService.class);

    /** What a payment call did: recorded it now, or found it already recorded (a repeated send). */
    public record PaymentOutcome(boolean created, Invoice invoice) {
    }

    private final CustomerRepository customers;
    private final InvoiceRepository invoices;
    private final Validator validator;
    private final ObjectMapper json;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    /** Looked up when a credit note arrives: the guards (the collection) use the ledger themselves. */
    private final ObjectProvider<CreditNoteGuard> creditGuards;

    LedgerService(CustomerRepository customers, InvoiceRepository invoices, Validator validator, ObjectMapper json,
            ApplicationEventPublisher events, Clock clock, ObjectProvider<CreditNoteGuard> creditGuards) {
        this.creditGuards = creditGuards;
        this.customers = customers;
        this.invoices = invoices;
        this.validator = validator;
        this.json = json;
        this.events = events;
        this.clock = clock;
    }

    // ---- customers

    @Transactional
    public Customer createCustomer(Customer request) {
        Customer customer = request.withDefaults();
        if (customers.idOf(customer.externalId()).isPresent()) {
            throw ProblemException.conflict("externalId", "A customer with externalId " + customer.externalId() + " exists already");
        }
        customers.insert(customer, clock.instant());
        return customer;
    }

    @Transactional(readOnly = true)
    public boolean customerExists(String externalId) {
        return customers.idOf(externalId).isPresent();
    }

    @Transactional(readOnly = true)
    public Customer customer(String externalId) {
        return customers.find(externalId).orElseThrow(() -> unknownCustomer(externalId));
    }

    /** Applies a JSON merge patch (RFC 7386): fields present replace, null clears, absent stay. */
    @Transactional
    public Customer patchCustomer(String externalId, JsonNode patch) {
        if (patch == null || !patch.isObject()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "Malformed request", "A merge patch must be a JSON object", List.of());
        }
        Customer current = customers.findForUpdate(externalId).orElseThrow(() -> unknownCustomer(externalId));
        JsonNode externalIdPatch = patch.get("externalId");
        if (externalIdPatch != null && !externalId.equals(externalIdPatch.asText())) {
            throw ProblemException.invalid("externalId", "externalId cannot be changed");
        }
        ObjectNode merged = json.valueToTree(current);
        merge(merged, patch);
        Customer patched;
        try {
            patched = json.treeToValue(merged, Customer.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // Jackson's own message names our classes: the answer names the field instead
            throw no.purreflyt.web.JsonProblems.refusal(e, "a customer");
        } catch (IllegalArgumentException e) {
            throw no.purreflyt.web.JsonProblems.refusal(e.getCause(), "a customer");
        }
        List<FieldProblem> problems = violations(patched);
        if (!problems.isEmpty()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "Invalid request", "Some fields are invalid", problems);
        }
        Customer result = patched.withDefaults();
        customers.update(result, clock.instant());
        if (!result.dunningBlock().equals(current.dunningBlock())) {
            events.publishEvent(new DunningBlockChanged(externalId, result.blockedOn(today())));
        }
        return result;
    }

    private static void merge(ObjectNode target, JsonNode patch) {
        patch.fields().forEachRemaining(field -> {
            JsonNode value = field.getValue();
            if (value.isNull()) {
                target.remove(field.getKey());
            } else if (value.isObject() && target.get(field.getKey()) instanceof ObjectNode nested) {
                merge(nested, value);
            } else {
                target.set(field.getKey(), value);
            }
        });
    }

    // ---- invoices

    @Transactional
    public Invoice createInvoice(InvoiceRequest request) {
        if (invoices.exists(request.number())) {
            throw ProblemException.conflict("number", "Invoice " + request.number() + " exists already");
        }
        List<FieldProblem> problems = businessProblems(request, new HashMap<>());
        if (!problems.isEmpty()) {
            throw refusal(problems);
        }
        long customerId = customers.idOf(request.customerExternalId()).orElseThrow();
        invoices.insert(customerId, request, clock.instant());
        return invoice(request.number());
    }

    /**
     * Imports invoices all or none: every row is checked first (bean validation and the same business
     * rules as a single invoice, plus duplicates inside the file), and only a file without a single
     * problem is written, in one transaction.
     */
    @Transactional
    public List<String> importInvoices(List<InvoiceCsv.Row> rows) {
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, Optional<Customer>> customerCache = new HashMap<>();
        Set<String> numbersInFile = new HashSet<>();
        for (InvoiceCsv.Row row : rows) {
            List<FieldProblem> rowProblems = new ArrayList<>(row.problems());
            InvoiceRequest r = row.request();
            if (rowProblems.isEmpty()) {
                rowProblems.addAll(violations(r));
            }
            if (rowProblems.isEmpty()) {
                if (!numbersInFile.add(r.number())) {
                    rowProblems.add(FieldProblem.of("number", "invoice " + r.number() + " appears twice in the file"));
                }
                rowProblems.addAll(businessProblems(r, customerCache));
            }
            rowProblems.forEach(p -> problems.add(p.atRow(row.row(), row.line())));
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(
                    "The import was refused; nothing was written. " + problems.size() + " problem(s) in "
                            + problems.stream().map(FieldProblem::row).distinct().count() + " of " + rows.size() + " rows",
                    problems);
        }
        var now = clock.instant();
        Map<String, Long> customerIds = new HashMap<>();
        int done = 0;
        for (InvoiceCsv.Row row : rows) {
            InvoiceRequest r = row.request();
            long customerId = customerIds.computeIfAbsent(r.customerExternalId(), id -> customers.idOf(id).orElseThrow());
            invoices.insert(customerId, r, now);
            if (++done % 10_000 == 0) {
                log.info("Invoice import: {} of {} rows written", done, rows.size());
            }
        }
        log.info("Invoice import: {} invoices imported", rows.size());
        return rows.stream().map(r -> r.request().number()).toList();
    }

    /**
     * Excludes an invoice from dunning (no case is started for it), or lets it be dunned again. An invoice with an open
     * case is not excluded behind the case's back: a credit controller stops the case (at review, or by a dispute or a
     * customer block) first.
     */
    @Transactional
    public Invoice setExcluded(String number, boolean excluded) {
        InvoiceRepository.Row invoice = invoices.lock(number).orElseThrow(() -> unknownInvoice(number));
        if (excluded) {
            Optional<String> stage = invoices.openCaseStage(invoice.id());
            if (stage.isPresent()) {
                throw ProblemException.conflict("excluded", "Invoice " + number + " has an open dunning case (stage "
                        + stage.get() + "); exclusion keeps new cases from starting. Stop the running case first: at its "
                        + "next review, by recording a dispute, or by blocking the customer");
            }
        }
        invoices.setExcluded(invoice.id(), excluded);
        log.info("Invoice {} {} dunning", number, excluded ? "excluded from" : "included in");
        return invoice(number);
    }

    /** What the debtor paid the creditor directly (as the accounting system reported it) since a moment. */
    @Transactional(readOnly = true)
    public List<Invoice.Payment> directPaymentsSince(String number, java.time.Instant since) {
        return invoices.directPaymentsSince(number, since);
    }

    @Transactional(readOnly = true)
    public Invoice invoice(String number) {
        return invoices.find(number).orElseThrow(() -> unknownInvoice(number));
    }

    /**
     * Records a payment once per externalId. A repeated send with the same content answers the payment
     * already recorded; the same externalId with other content is a conflict. A payment that brings the
     * outstanding balance to zero publishes {@link InvoiceSettled} in this transaction.
     */
    @Transactional
    public PaymentOutcome recordPayment(String number, PaymentRequest request) {
        return payment(number, request, false);
    }

    /**
     * Records what a collection agency collected and passed on (from its signed callback), once per externalId. The
     * case that handed the claim over records the rest itself, so the events say it came from the agency.
     */
    @Transactional
    public PaymentOutcome recordAgencyPayment(String number, PaymentRequest request) {
        return payment(number, request, true);
    }

    private PaymentOutcome payment(String number, PaymentRequest request, boolean byAgency) {
        InvoiceRepository.Row invoice = invoices.lock(number).orElseThrow(() -> unknownInvoice(number));
        Optional<InvoiceRepository.Entry> recorded = invoices.findPayment(request.externalId());
        if (recorded.isPresent()) {
            return repeated(number, recorded.get(), "Payment", request.amount(), request.paidOn());
        }
        List<FieldProblem> problems = entryProblems(invoice, request.currency(), "paidOn", request.paidOn(), "payment");
        if (!problems.isEmpty()) {
            throw refusal(problems);
        }
        // a payment the agency passed on is the case's own business: it settles nothing behind the case's back
        return applied(invoice, request.amount(), invoices.addPayment(invoice, request, byAgency, clock.instant()), false,
                byAgency, byAgency);
    }

    /**
     * Records a credit note, at most what is outstanding; with an externalId, once (as payments). Zeroing
     * the balance publishes {@link InvoiceSettled}.
     */
    @Transactional
    public PaymentOutcome recordCreditNote(String number, CreditNoteRequest request) {
        InvoiceRepository.Row invoice = invoices.lock(number).orElseThrow(() -> unknownInvoice(number));
        Optional<InvoiceRepository.Entry> recorded = request.externalId() == null ? Optional.empty()
                : invoices.findCreditNote(request.externalId());
        if (recorded.isPresent()) {
            return repeated(number, recorded.get(), "Credit note", request.amount(), request.date());
        }
        List<FieldProblem> problems = entryProblems(invoice, request.currency(), "date", request.date(), "credit note");
        creditGuards.orderedStream().forEach(guard -> guard.refusal(number).ifPresent(reason -> {
            throw ProblemException.conflict("amount", reason);
        }));
        if (request.amount().compareTo(invoice.outstanding()) > 0) {
            problems.add(FieldProblem.of("amount", "a credit note cannot exceed the outstanding balance of "
                    + invoice.outstanding() + " " + invoice.currency()));
        }
        if (!problems.isEmpty()) {
            throw refusal(problems);
        }
        return applied(invoice, request.amount(), invoices.addCreditNote(invoice, request, clock.instant()), true, false,
                false);
    }

    /**
     * Credits everything outstanding on the invoice, for its dunning case (a dispute closed in the debtor's favour).
     * The case ends by itself, so the {@link InvoiceSettled} this publishes says it came from the case.
     */
    @Transactional
    public Invoice creditOutstandingForCase(String number, String reason) {
        InvoiceRepository.Row invoice = invoices.lock(number).orElseThrow(() -> unknownInvoice(number));
        if (invoice.outstanding().signum() <= 0) {
            return invoice(number);
        }
        CreditNoteRequest request = new CreditNoteRequest(invoice.outstanding(), today(), reason, null, invoice.currency());
        return applied(invoice, request.amount(), invoices.addCreditNote(invoice, request, clock.instant()), true, true,
                false).invoice();
    }

    /** A payment or credit note sent again: the same content is answered as done, other content is a conflict. */
    private PaymentOutcome repeated(String number, InvoiceRepository.Entry recorded, String what, BigDecimal amount, LocalDate date) {
        boolean same = recorded.invoiceNumber().equals(number) && recorded.amount().compareTo(amount) == 0
                && recorded.date().equals(date);
        if (!same) {
            throw ProblemException.conflict("externalId", what + " " + recorded.externalId() + " is already recorded (invoice "
                    + recorded.invoiceNumber() + ", " + recorded.amount() + " on " + recorded.date() + ") with other content");
        }
        return new PaymentOutcome(false, invoice(number));
    }

    private List<FieldProblem> entryProblems(InvoiceRepository.Row invoice, String currency, String dateField, LocalDate date,
            String what) {
        List<FieldProblem> problems = new ArrayList<>();
        if (currency != null && !currency.equals(invoice.currency())) {
            problems.add(FieldProblem.of("currency", "the invoice is in " + invoice.currency() + ", not " + currency));
        }
        if (date.isAfter(today())) {
            problems.add(FieldProblem.of(dateField, "a " + what + " cannot be dated after today (" + today() + ")"));
        }
        return problems;
    }

    private PaymentOutcome applied(InvoiceRepository.Row invoice, BigDecimal change, BigDecimal outstandingAfter,
            boolean credit, boolean byDunningCase, boolean byAgency) {
        events.publishEvent(new OutstandingChanged(invoice.number(), outstandingAfter, invoice.currency(), change, credit,
                byAgency));
        if (invoice.outstanding().signum() > 0 && outstandingAfter.signum() <= 0) {
            events.publishEvent(new InvoiceSettled(invoice.number(), outstandingAfter, credit, byDunningCase));
        }
        return new PaymentOutcome(true, invoice(invoice.number()));
    }

    // ---- checks

    private List<FieldProblem> businessProblems(InvoiceRequest r, Map<String, Optional<Customer>> customerCache) {
        List<FieldProblem> problems = new ArrayList<>();
        if (invoices.exists(r.number())) {
            problems.add(FieldProblem.of("number", "invoice " + r.number() + " exists already"));
        }
        Optional<Customer> customer = customerCache.computeIfAbsent(r.customerExternalId(), customers::find);
        if (customer.isEmpty()) {
            problems.add(FieldProblem.of("customerExternalId", "no customer with externalId " + r.customerExternalId()));
        } else if (!customer.get().country().currency().equals(r.currency())) {
            Customer c = customer.get();
            problems.add(FieldProblem.of("currency", "customer " + c.externalId() + " is in " + c.country()
                    + "; its invoices are in " + c.country().currency() + ", not " + r.currency()));
        }
        if (r.dueDate().isBefore(r.issueDate())) {
            problems.add(FieldProblem.of("dueDate", "the due date " + r.dueDate() + " is before the issue date " + r.issueDate()));
        }
        return problems;
    }

    private <T> List<FieldProblem> violations(T value) {
        Set<ConstraintViolation<T>> violations = validator.validate(value);
        return violations.stream()
                .map(v -> FieldProblem.of(v.getPropertyPath().toString(), v.getMessage()))
                .sorted(java.util.Comparator.comparing(FieldProblem::field))
                .toList();
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static ProblemException refusal(List<FieldProblem> problems) {
        return ProblemException.invalid(problems.stream().map(p -> p.field() + ": " + p.message())
                .reduce((a, b) -> a + "; " + b).orElse("Request not accepted"), problems);
    }

    private static ProblemException unknownCustomer(String externalId) {
        return ProblemException.notFound("No customer with externalId " + Objects.toString(externalId));
    }

    private static ProblemException unknownInvoice(String number) {
        return ProblemException.notFound("No invoice with number " + number);
    }
}

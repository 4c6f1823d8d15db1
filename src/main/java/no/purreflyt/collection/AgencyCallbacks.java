package no.purreflyt.collection;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.nio.charset.StandardCharsets;

import no.purreflyt.ledger.CaseOutcome;
import no.purreflyt.ledger.LedgerService;
import no.purreflyt.ledger.PaymentRequest;
import no.purreflyt.posting.PostingType;
import no.purreflyt.posting.Postings;
import no.purreflyt.web.FieldProblem;
import no.purreflyt.web.JsonProblems;
import no.purreflyt.web.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The agencies' reports on the claims they hold, as signed callbacks: what they collected (recorded as a payment the
 * agency passed on, with its interest), and whether they are done — collected in full, or closed unpaid. Each
 * callback is taken once, all or nothing: a refused one writes nothing, and the same callback sent again is answered
 * as before.
 */
@Service
public class AgencyCallbacks {

    private static final Logger log = LoggerFactory.getLogger(AgencyCallbacks.class);

    public enum Result {
        /** collected in full: the collection ends */
        PAID,
        /** collected a part and goes on */
        PARTLY_PAID,
        /** gave up: what the agency still holds is a loss */
        CLOSED_UNPAID
    }

    /**
     * A callback's body.
     *
     * @param amount   what the agency collected and passes on to the creditor with this callback (0 for none)
     * @param interest of that amount, the late-payment interest
     */
    public record Callback(
            @NotBlank @Size(max = 100) String callbackId,
            @NotBlank @Size(max = 64) String invoiceNumber,
            @NotNull Result result,
            @NotNull @DecimalMin("0.00") @Digits(integer = 17, fraction = 2) BigDecimal amount,
            @DecimalMin("0.00") @Digits(integer = 17, fraction = 2) BigDecimal interest,
            @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as NOK or SEK") String currency,
            LocalDate paidOn,
            @Size(max = 1000) String note) {

        BigDecimal interestOrZero() {
            return interest == null ? BigDecimal.ZERO.setScale(2) : interest;
        }
    }

    /** What the agency is answered. */
    public record Receipt(String callbackId, String invoiceNumber, Result result, boolean recordedNow,
            BigDecimal outstanding, String currency) {
    }

    private final Agencies agencies;
    private final Handovers handovers;
    private final CollectionService collections;
    private final LedgerService ledger;
    private final Postings postings;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Validator validator;
    private final Clock clock;

    AgencyCallbacks(Agencies agencies, Handovers handovers, CollectionService collections, LedgerService ledger,
            Postings postings, ApplicationEventPublisher events, JdbcClient jdbc, ObjectMapper json, Validator validator,
            Clock clock) {
        this.agencies = agencies;
        this.handovers = handovers;
        this.collections = collections;
        this.ledger = ledger;
        this.postings = postings;
        this.events = events;
        this.jdbc = jdbc;
        this.json = json;
        this.validator = validator;
        this.clock = clock;
    }

    /**
     * Takes a callback: the signature first (nothing of an unsigned body is read), then the body, then what it says.
     *
     * @param signature {@code sha256=<hex>} of HMAC-SHA256(agency secret, timestamp + "." + body)
     */
    @Transactional
    public Receipt receive(String agencyName, String timestamp, String signature, byte[] body) {
        CollectionProperties.Agency agency = agencyName == null ? null : agencies.find(agencyName).orElse(null);
        if (agency == null || timestamp == null || signature == null
                || !HmacSignatures.verify(agency.secret(), timestamp, body, signature)) {
            throw new ProblemException(HttpStatus.UNAUTHORIZED, "Unauthorized", "A callback needs the headers "
                    + "X-Purreflyt-Agency (a configured agency), X-Purreflyt-Timestamp and X-Purreflyt-Signature "
                    + "(sha256=<hex HMAC-SHA256 of timestamp.body with the agency's secret>); this one's signature does "
                    + "not match", List.of());
        }
        Callback callback = parse(body);
        // the handover first (locked), then whether this callback came before: two copies of one callback arriving at
        // once are taken one after the other, and the second is answered as a repeat
        Handovers.Handover handover = handovers.lockLatest(callback.invoiceNumber())
                .filter(h -> h.agency().equals(agency.name()))
                .orElseThrow(() -> ProblemException.conflict("invoiceNumber", "Invoice " + callback.invoiceNumber()
                        + " was never handed over to " + agency.name()));
        Optional<Recorded> earlier = recorded(agency.name(), callback.callbackId());
        if (earlier.isPresent()) {
            return repeated(earlier.get(), callback);
        }
        List<FieldProblem> problems = problems(callback, handover);
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems.stream().map(p -> p.field() + ": " + p.message())
                    .reduce((a, b) -> a + "; " + b).orElseThrow(), problems);
        }
        if (!handover.status().withAgency() && callback.amount().signum() == 0) {
            throw ProblemException.conflict("invoiceNumber", "The collection of invoice " + callback.invoiceNumber()
                    + " by " + agency.name() + " has ended (" + handover.status() + "); there is nothing to record");
        }
        LocalDate today = LocalDate.now(clock);
        insert(agency.name(), handover, callback, today);
        // money the agency collected is recorded even when the collection has ended meanwhile (the creditor took the
        // claim back while the debtor paid the agency): then it comes off the receivable, not the agency's account
        boolean atAgency = handover.status().withAgency();
        if (callback.amount().signum() > 0) {
            ledger.recordAgencyPayment(callback.invoiceNumber(), new PaymentRequest(callback.amount(),
                    callback.paidOn() != null ? callback.paidOn() : today, agency.name() + " " + callback.callbackId(),
                    "agency-" + UUID.nameUUIDFromBytes((agency.name() + "\n" + callback.callbackId())
                            .getBytes(StandardCharsets.UTF_8)), handover.currency()));
            collections.post(handover, PostingType.INTEREST, "callback:" + callback.callbackId() + ":interest",
                    callback.interestOrZero(), "Interest collected by " + agency.name(), atAgency);
            collections.post(handover, PostingType.AGENCY_COLLECTED, "callback:" + callback.callbackId(),
                    callback.amount(), "Collected by " + agency.name(), atAgency);
        }
        if (atAgency && callback.result() != Result.PARTLY_PAID) {
            end(agency.name(), handover, callback);
        } else if (!atAgency) {
            log.warn("Invoice {}: {} reports {} after its collection ended ({}); what it collected is recorded",
                    callback.invoiceNumber(), agency.name(), callback.result(), handover.status());
        }
        log.info("Invoice {}: {} reports {} ({} {} passed on, of which interest {})", callback.invoiceNumber(),
                agency.name(), callback.result(), callback.amount(), handover.currency(), callback.interestOrZero());
        return new Receipt(callback.callbackId(), callback.invoiceNumber(), callback.result(), true,
                ledger.invoice(callback.invoiceNumber()).outstanding(), handover.currency());
    }

    /** The agency is done: what its account still holds of the claim is a loss, and the case ends. */
    private void end(String agency, Handovers.Handover handover, Callback callback) {
        boolean collected = callback.result() == Result.PAID;
        BigDecimal left = postings.atAgency(handover.invoiceNumber());
        collections.post(handover, PostingType.WRITE_OFF, "callback:" + callback.callbackId() + ":write-off", left,
                collected ? "Not passed on by " + agency + " when it reported the claim paid"
                        : "Closed unpaid by " + agency, true);
        String note = (collected ? "Collected by " : "Closed unpaid by ") + agency
                + (left.signum() > 0 ? "; " + left.toPlainString() + " " + handover.currency() + " written off as a loss" : "")
                + (callback.note() != null ? " (" + callback.note() + ")" : "");
        handovers.close(handover.caseId(), collected ? Handovers.Status.COLLECTED : Handovers.Status.CLOSED_UNPAID,
                agency, note);
        events.publishEvent(new AgencyReported(handover.invoiceNumber(), handover.caseId(),
                collected ? CaseOutcome.COLLECTED : CaseOutcome.CLOSED_UNPAID, note));
    }

    private Callback parse(byte[] body) {
        Callback callback;
        try {
            callback = json.readValue(body, Callback.class);
        } catch (IOException e) {
            // Jackson's own message names our classes: the agency is told the field instead
            throw JsonProblems.refusal(e, "a callback");
        }
        if (callback == null) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "Malformed request", "The callback has no body", List.of());
        }
        List<FieldProblem> problems = new ArrayList<>();
        for (ConstraintViolation<Callback> v : validator.validate(callback)) {
            problems.add(FieldProblem.of(v.getPropertyPath().toString(), v.getMessage()));
        }
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparing(FieldProblem::field));
            throw new ProblemException(HttpStatus.BAD_REQUEST, "Invalid request", "Some fields are invalid", problems);
        }
        return callback;
    }

    private List<FieldProblem> problems(Callback callback, Handovers.Handover handover) {
        List<FieldProblem> problems = new ArrayList<>();
        if (callback.currency() != null && !callback.currency().equals(handover.currency())) {
            problems.add(FieldProblem.of("currency", "the claim is in " + handover.currency() + ", not " + callback.currency()));
        }
        if (callback.result() == Result.PARTLY_PAID && callback.amount().signum() == 0) {
            problems.add(FieldProblem.of("amount", "a PARTLY_PAID callback passes on an amount above 0.00"));
        }
        if (callback.interestOrZero().compareTo(callback.amount()) > 0) {
            problems.add(FieldProblem.of("interest", "the interest (" + callback.interestOrZero() + ") is part of the "
                    + "amount (" + callback.amount() + ") and cannot exceed it"));
        }
        if (callback.paidOn() != null && callback.paidOn().isAfter(LocalDate.now(clock))) {
            problems.add(FieldProblem.of("paidOn", "a payment cannot be dated after today (" + LocalDate.now(clock) + ")"));
        }
        return problems;
    }

    private record Recorded(String invoiceNumber, Result result, BigDecimal amount, BigDecimal interest,
            String currency) {
    }

    private Optional<Recorded> recorded(String agency, String callbackId) {
        return jdbc.sql("""
                select invoice_number, result, amount, interest, currency from agency_callback
                where agency = :a and callback_id = :c""")
                .param("a", agency).param("c", callbackId)
                .query((rs, n) -> new Recorded(rs.getString("invoice_number"), Result.valueOf(rs.getString("result")),
                        rs.getBigDecimal("amount"), rs.getBigDecimal("interest"), rs.getString("currency")))
                .optional();
    }

    /** The same callback again (the agency did not see our answer): the same content is answered as done. */
    private Receipt repeated(Recorded earlier, Callback callback) {
        boolean same = earlier.invoiceNumber().equals(callback.invoiceNumber()) && earlier.result() == callback.result()
                && earlier.amount().compareTo(callback.amount()) == 0
                && earlier.interest().compareTo(callback.interestOrZero()) == 0;
        if (!same) {
            throw ProblemException.conflict("callbackId", "Callback " + callback.callbackId() + " is already recorded ("
                    + earlier.invoiceNumber() + ", " + earlier.result() + ", " + earlier.amount() + ") with other content");
        }
        return new Receipt(callback.callbackId(), callback.invoiceNumber(), callback.result(), false,
                ledger.invoice(callback.invoiceNumber()).outstanding(), earlier.currency());
    }

    private void insert(String agency, Handovers.Handover handover, Callback callback, LocalDate today) {
        jdbc.sql("""
                insert into agency_callback (agency, callback_id, case_id, invoice_number, result, amount, interest,
                                             currency, paid_on, note, received_at)
                values (:agency, :callbackId, :caseId, :invoice, :result, :amount, :interest, :currency, :paidOn, :note, :now)""")
                .param("agency", agency)
                .param("callbackId", callback.callbackId())
                .param("caseId", handover.caseId())
                .param("invoice", callback.invoiceNumber())
                .param("result", callback.result().name())
                .param("amount", callback.amount())
                .param("interest", callback.interestOrZero())
                .param("currency", handover.currency())
                .param("paidOn", callback.paidOn() != null ? callback.paidOn() : today)
                .param("note", callback.note())
                .param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .update();
    }
}

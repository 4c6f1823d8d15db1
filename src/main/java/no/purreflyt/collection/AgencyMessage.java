package no.purreflyt.collection;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One message to a collection agency, as it goes over the wire (a webhook's body, one entry of a batch file). See
 * docs/agency-formats.md. A HANDOVER carries the whole claim (creditor, debtor, invoice, claim, notices and the
 * inkassovarsel as sent); WITHDRAWAL, PAYMENT_RECEIVED and COLLECTION_ENDED carry its identity, the invoice number, a
 * note and (for a payment) the payment.
 *
 * @param messageId     unique per message and stable across retries: the agency's idempotency key
 * @param inkassovarsel the inkassovarsel as the debtor got it; null when the case sent none
 */
public record AgencyMessage(
        String messageId,
        Type type,
        String agency,
        Instant createdAt,
        String invoiceNumber,
        long caseId,
        Creditor creditor,
        Debtor debtor,
        InvoiceFacts invoice,
        ClaimFacts claim,
        List<NoticeFacts> notices,
        Document inkassovarsel,
        Payment payment,
        String note) {

    public enum Type {
        HANDOVER, WITHDRAWAL, PAYMENT_RECEIVED, COLLECTION_ENDED
    }

    public AgencyMessage {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(agency, "agency");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(invoiceNumber, "invoiceNumber");
        notices = notices == null ? List.of() : List.copyOf(notices);
    }

    /** A message other than a handover: the case's identity, a note and, for PAYMENT_RECEIVED, the payment. */
    public static AgencyMessage about(String messageId, Type type, String agency, Instant createdAt, String invoiceNumber,
            long caseId, Payment payment, String note) {
        if (type == Type.HANDOVER) {
            throw new IllegalArgumentException("A HANDOVER carries the claim: use the full constructor");
        }
        return new AgencyMessage(messageId, type, agency, createdAt, invoiceNumber, caseId, null, null, null, null,
                List.of(), null, payment, note);
    }

    /** Whom the claim belongs to. */
    public record Creditor(String name, String organisationNumber, String bankAccount) {
    }

    /** Whom the claim is against, with the address and language the agency writes to. */
    public record Debtor(String externalId, String name, String type, String email, String addressLine1,
            String addressLine2, String postalCode, String city, String country, String language) {
    }

    /** The invoice as issued. */
    public record InvoiceFacts(String number, LocalDate issueDate, LocalDate dueDate, BigDecimal amount, String currency,
            String kid) {
    }

    /**
     * What the debtor owes on {@code asOf}: the principal still unpaid, interest from {@code interestFrom} at the
     * rate, the fees of the notices sent and the compensation, and their total.
     */
    public record ClaimFacts(LocalDate asOf, BigDecimal principal, BigDecimal interestRatePercent, LocalDate interestFrom,
            BigDecimal interestAccrued, BigDecimal fees, BigDecimal compensation, BigDecimal total, String currency) {
    }

    /** A notice the case sent before the handover (kind as in the rules: REMINDER, PURRING, INKASSOVARSEL...). */
    public record NoticeFacts(String kind, int sequence, LocalDate sendDate, LocalDate deadline, BigDecimal fee,
            String channel) {
    }

    /** A document as sent, its content as bytes (base64 in JSON). */
    public record Document(String filename, String contentType, byte[] content) {

        // a record compares arrays by identity; two documents with the same bytes are the same document
        @Override
        public boolean equals(Object other) {
            return other instanceof Document d && Objects.equals(filename, d.filename)
                    && Objects.equals(contentType, d.contentType) && Arrays.equals(content, d.content);
        }

        @Override
        public int hashCode() {
            return Objects.hash(filename, contentType, Arrays.hashCode(content));
        }

        @Override
        public String toString() {
            return "Document[" + filename + ", " + contentType + ", " + (content == null ? 0 : content.length) + " bytes]";
        }
    }

    /** A payment the creditor received directly after the handover. */
    public record Payment(BigDecimal amount, String currency, LocalDate paidOn, String reference) {
    }
}

package no.purreflyt.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** An invoice with what has been paid and credited on it, and what is still outstanding. */
public record Invoice(
        String number,
        String customerExternalId,
        String customerName,
        LocalDate issueDate,
        LocalDate dueDate,
        BigDecimal amount,
        String currency,
        String kid,
        boolean excluded,
        BigDecimal paidAmount,
        BigDecimal creditedAmount,
        BigDecimal outstanding,
        List<Payment> payments,
        List<CreditNote> creditNotes) {

    public record Payment(String externalId, BigDecimal amount, String currency, LocalDate paidOn, String reference) {
    }

    public record CreditNote(String externalId, BigDecimal amount, String currency, LocalDate date, String reason) {
    }
}

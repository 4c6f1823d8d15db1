package no.purreflyt.posting;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** One balanced double entry as the accounting system fetches it: amount debited on one account, credited on another. */
public record Posting(long id, String sourceKey, LocalDate date, PostingType type, String debitAccount,
        String creditAccount, BigDecimal amount, String currency, String vatCode, String invoiceNumber,
        String customerExternalId, Long caseId, String text, Instant createdAt) {
}

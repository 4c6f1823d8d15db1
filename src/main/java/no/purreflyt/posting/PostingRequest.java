package no.purreflyt.posting;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What the dunning process asks to post.
 *
 * @param type               what happened; it chooses the accounts
 * @param sourceKey          what caused it, unique for all time (such as {@code notice:17:fee}); a key already posted
 *                           posts nothing, so a retried job can ask again
 * @param date               the posting date (the business date the fee, interest or handover arose)
 * @param amount             positive, at most two decimals; zero posts nothing
 * @param currency           ISO 4217, such as NOK
 * @param invoiceNumber      the invoice the amount belongs to, or null
 * @param caseId             the dunning case, or null
 * @param customerExternalId the debtor's id in the accounting system, or null
 * @param text               a line the accountant reads, or null
 * @param atAgency           whether the claim sits with the collection agency (INTEREST and WRITE_OFF)
 */
public record PostingRequest(PostingType type, String sourceKey, LocalDate date, BigDecimal amount, String currency,
        String invoiceNumber, Long caseId, String customerExternalId, String text, boolean atAgency) {
}

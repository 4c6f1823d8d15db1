package no.purreflyt.ledger;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A payment on an invoice. externalId is the accounting system's id of the payment: sending the same
 * payment twice records it once. currency may be left out; given, it must be the invoice's.
 */
public record PaymentRequest(
        @NotNull @Positive @Digits(integer = 17, fraction = 2, message = "must have at most 2 decimals") BigDecimal amount,
        @NotNull LocalDate paidOn,
        @Size(max = 200) String reference,
        @NotBlank @Size(max = 100) String externalId,
        @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as NOK or SEK") String currency) {
}

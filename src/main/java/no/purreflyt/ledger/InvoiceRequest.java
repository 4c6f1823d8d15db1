package no.purreflyt.ledger;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;

/** An invoice as the accounting system sends it, by JSON or as one row of a CSV import. */
public record InvoiceRequest(
        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._:/-]*", message = "may hold letters, digits and . _ : / - only")
        String number,
        @NotBlank @Size(max = 64) String customerExternalId,
        @NotNull LocalDate issueDate,
        @NotNull LocalDate dueDate,
        @NotNull @Positive @Digits(integer = 17, fraction = 2, message = "must have at most 2 decimals")
        BigDecimal amount,
        @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as NOK or SEK")
        String currency,
        @Pattern(regexp = "[0-9]{1,24}[0-9-]", message = "must be 2 to 25 digits (a MOD11 KID may end in -)")
        String kid,
        Boolean excluded) {
}

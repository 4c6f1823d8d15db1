package no.purreflyt.ledger;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;

/** A credit note against an invoice; externalId (optional) makes a repeated send harmless. */
public record CreditNoteRequest(
        @NotNull @Positive @Digits(integer = 17, fraction = 2, message = "must have at most 2 decimals") BigDecimal amount,
        @NotNull LocalDate date,
        @NotBlank @Size(max = 500) String reason,
        @Size(max = 100) String externalId,
        @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as NOK or SEK") String currency) {
}

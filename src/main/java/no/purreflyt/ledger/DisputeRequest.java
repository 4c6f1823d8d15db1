package no.purreflyt.ledger;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What the debtor objects to. */
public record DisputeRequest(@NotBlank @Size(max = 1000) String reason) {
}

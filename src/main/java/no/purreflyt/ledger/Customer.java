package no.purreflyt.ledger;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * A debtor as the accounting system knows it, identified by its own id there (externalId).
 * The same record is the API's request and answer.
 */
public record Customer(
        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._:/-]*", message = "may hold letters, digits and . _ : / - only")
        String externalId,
        @NotBlank @Size(max = 200) String name,
        @NotNull CustomerType type,
        @Email @Size(max = 320) String email,
        Language language,
        @NotNull Country country,
        @Valid Address address,
        @Valid DunningBlock dunningBlock) {

    public record Address(
            @Size(max = 200) String line1,
            @Size(max = 200) String line2,
            @Size(max = 16) String postalCode,
            @Size(max = 100) String city) {
    }

    /** Purrestopp: no dunning while blocked, until the block is lifted or its end date has passed. */
    public record DunningBlock(boolean blocked, @Size(max = 500) String reason, LocalDate until) {

        static final DunningBlock NONE = new DunningBlock(false, null, null);

        @AssertTrue(message = "a dunning block needs a reason")
        boolean isReasonGivenWhenBlocked() {
            return !blocked || (reason != null && !reason.isBlank());
        }
    }

    /** Whether dunning is stopped on this day: blocked, and the block has no end date or ends on or after it. */
    public boolean blockedOn(LocalDate day) {
        return dunningBlock != null && dunningBlock.blocked()
                && (dunningBlock.until() == null || !dunningBlock.until().isBefore(day));
    }

    /**
     * The first day dunning may go on, seen on {@code today}: today when the customer is not blocked, the day after the
     * block's last day, or empty for a block without an end date (it lasts until someone lifts it).
     */
    public java.util.Optional<LocalDate> dunningResumesOn(LocalDate today) {
        if (!blockedOn(today)) {
            return java.util.Optional.of(today);
        }
        return java.util.Optional.ofNullable(dunningBlock.until()).map(until -> until.plusDays(1));
    }

    /** Whether the customer can be reached with a letter: an e-mail address, or a postal address with postal code and city. */
    public boolean reachable() {
        return email != null || hasPostalAddress();
    }

    /** Whether a letter by post can be addressed: line 1, postal code and city. */
    public boolean hasPostalAddress() {
        return address != null && address.line1() != null && address.postalCode() != null && address.city() != null;
    }

    /** Fills what the caller may leave out: the language follows the country, no block. */
    Customer withDefaults() {
        return new Customer(externalId, name.strip(), type, blankToNull(email),
                language != null ? language : country.defaultLanguage(),
                country, address, dunningBlock != null ? dunningBlock : DunningBlock.NONE);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

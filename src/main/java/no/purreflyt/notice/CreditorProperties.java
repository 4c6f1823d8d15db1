package no.purreflyt.notice;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Who the letters come from: the creditor's name, organisation number, address, where to pay and whom to contact,
 * printed on every notice (inkassoforskriften asks that the debtor can see who claims what and how to pay).
 *
 * @param bankAccount the account debtors pay to (Norwegian kontonummer, or the Swedish bankgiro)
 * @param logo        an image file (PNG or JPEG) for the letterhead, or none
 */
@Validated
@ConfigurationProperties("purreflyt.creditor")
public record CreditorProperties(
        @NotBlank String name,
        @NotBlank String organisationNumber,
        List<String> address,
        @NotBlank String bankAccount,
        String iban,
        String bic,
        @NotBlank String phone,
        @NotBlank @Email String email,
        String website,
        String logo) {

    public CreditorProperties {
        address = address == null ? List.of() : List.copyOf(address);
    }
}

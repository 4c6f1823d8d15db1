package no.purreflyt.posting;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The creditor's chart of accounts as far as Purreflyt posts to it, and the VAT code of every posting. The defaults
 * follow NS 4102 (Norsk Standard Kontoplan); a creditor with another plan sets its own numbers.
 *
 * @param accounts the ledger accounts each posting type debits and credits (see {@link PostingType})
 * @param vatCode  the accounting system's VAT code for "outside the VAT base": statutory fees, § 3a compensation and
 *                 forsinkelsesrente are not consideration for a supply (merverdiavgiftsloven § 4-1 (2)), so every
 *                 posting carries the same no-VAT code
 */
@Validated
@ConfigurationProperties("purreflyt.postings")
public record PostingProperties(
        @Valid @NotNull @DefaultValue Accounts accounts,
        @NotBlank @Size(max = 16) @DefaultValue("0") String vatCode) {

    /**
     * Ledger account numbers; at most 20 characters each, as the posting table keeps them.
     *
     * @param receivable         1500 Kundefordringer: what the debtor owes the creditor directly
     * @param receivableAtAgency 1550 fordringer til inkasso: the claims the collection agency holds
     * @param agencySettlement   1580 oppgjør fra inkassobyrå: what the agency collected and owes the creditor
     * @param feeIncome          3900 annen driftsrelatert inntekt: purring and inkassovarsel fees
     * @param compensationIncome 3900: a business debtor's § 3a compensation beyond the fees
     * @param interestIncome     8050 annen renteinntekt: forsinkelsesrente
     * @param losses             7830 tap på fordringer: what is written off
     */
    public record Accounts(
            @NotBlank @Size(max = 20) @DefaultValue("1500") String receivable,
            @NotBlank @Size(max = 20) @DefaultValue("1550") String receivableAtAgency,
            @NotBlank @Size(max = 20) @DefaultValue("1580") String agencySettlement,
            @NotBlank @Size(max = 20) @DefaultValue("3900") String feeIncome,
            @NotBlank @Size(max = 20) @DefaultValue("3900") String compensationIncome,
            @NotBlank @Size(max = 20) @DefaultValue("8050") String interestIncome,
            @NotBlank @Size(max = 20) @DefaultValue("7830") String losses) {
    }
}

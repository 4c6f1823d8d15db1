package no.purreflyt.rules;

import no.purreflyt.ledger.Country;

/** The body of law a step falls under, chosen by the debtor's country and the date of the step. */
public enum Regime {
    /** Inkassoloven 1988 and inkassoforskriften: the creditor may send its own fee-bearing letters. */
    NORWAY(Country.NO, "inkassoloven (1988)"),
    /** LOV-2026-05-22-19: only licensed agencies send inkassovarsel and betalingsoppfordring. */
    NORWAY_NEW_INKASSOLOV(Country.NO, "the new inkassolov (LOV-2026-05-22-19)"),
    SWEDEN(Country.SE, "lag 1981:739 and räntelagen");

    private final Country country;
    private final String law;

    Regime(Country country, String law) {
        this.country = country;
        this.law = law;
    }

    public Country country() {
        return country;
    }

    public String law() {
        return law;
    }
}

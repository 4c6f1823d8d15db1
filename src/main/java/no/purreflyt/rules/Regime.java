package no.purreflyt.rules;

/** The body of law a step falls under, chosen by the debtor's country and the date of the step. */
public enum Regime {
    /** Inkassoloven 1988 and inkassoforskriften: the creditor may send its own fee-bearing letters. */
    NORWAY("inkassoloven (1988)"),
    /** LOV-2026-05-22-19: only licensed agencies send inkassovarsel and betalingsoppfordring. */
    NORWAY_NEW_INKASSOLOV("the new inkassolov (LOV-2026-05-22-19)"),
    SWEDEN("lag 1981:739 and räntelagen");

    private final String law;

    Regime(String law) {
        this.law = law;
    }

    public String law() {
        return law;
    }
}

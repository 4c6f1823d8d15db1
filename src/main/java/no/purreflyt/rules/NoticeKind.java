package no.purreflyt.rules;

import java.util.EnumSet;
import java.util.Set;

/** The letters a claim can receive, each lawful under some regimes only. */
public enum NoticeKind {
    /** Free reminder (betalingspåminnelse / betalningspåminnelse): any day after the due date, no fee. */
    REMINDER("free reminder", EnumSet.allOf(Regime.class)),
    /** Norwegian purring with a fee (inkassoforskriften § 1-2). */
    PURRING("purring", EnumSet.of(Regime.NORWAY, Regime.NORWAY_NEW_INKASSOLOV)),
    /** Norwegian inkassovarsel (inkassoloven § 9). */
    INKASSOVARSEL("inkassovarsel", EnumSet.of(Regime.NORWAY, Regime.NORWAY_NEW_INKASSOLOV)),
    /** The Norwegian creditor's own betalingsoppfordring (inkassoloven § 10). */
    BETALINGSOPPFORDRING("betalingsoppfordring", EnumSet.of(Regime.NORWAY, Regime.NORWAY_NEW_INKASSOLOV)),
    /** Swedish påminnelse with a påminnelseavgift. */
    PAMINNELSE("påminnelse", EnumSet.of(Regime.SWEDEN)),
    /** Swedish inkassokrav. */
    INKASSOKRAV("inkassokrav", EnumSet.of(Regime.SWEDEN)),
    /**
     * Interest invoice (rentenota / räntefaktura): the late-payment interest left unpaid once the invoice was paid late.
     * No step of a plan and never a fee, so lawful under every regime; it never counts among the notices the fee rules
     * and the plan's next step look at.
     */
    INTEREST_INVOICE("interest invoice", EnumSet.allOf(Regime.class));

    private final String label;
    private final Set<Regime> regimes;

    NoticeKind(String label, Set<Regime> regimes) {
        this.label = label;
        this.regimes = regimes;
    }

    public String label() {
        return label;
    }

    boolean existsUnder(Regime regime) {
        return regimes.contains(regime);
    }
}

package no.purreflyt.rules;

import no.purreflyt.ledger.Country;

/** A step of a dunning plan, in the plan's own words; the regime turns it into the letter of its country. */
public enum StepKind {
    REMINDER, PURRING, INKASSOVARSEL, HANDOVER;

    /** The notice this step sends to a debtor in the country, or null for the handover (no letter of ours). */
    public NoticeKind noticeIn(Country country) {
        return switch (this) {
            case REMINDER -> NoticeKind.REMINDER;
            case PURRING -> country == Country.SE ? NoticeKind.PAMINNELSE : NoticeKind.PURRING;
            case INKASSOVARSEL -> country == Country.SE ? NoticeKind.INKASSOKRAV : NoticeKind.INKASSOVARSEL;
            case HANDOVER -> null;
        };
    }
}

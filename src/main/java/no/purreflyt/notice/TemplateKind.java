package no.purreflyt.notice;

import java.util.Locale;
import no.purreflyt.rules.StepKind;

/** The letters that have a text of their own, in each language: one template per kind and language. */
public enum TemplateKind {
    REMINDER, PURRING, INKASSOVARSEL, INTEREST_INVOICE;

    static TemplateKind of(StepKind step) {
        return switch (step) {
            case REMINDER -> REMINDER;
            case PURRING -> PURRING;
            case INKASSOVARSEL -> INKASSOVARSEL;
            case HANDOVER -> throw new IllegalArgumentException("A handover sends no letter of ours");
        };
    }

    /** The text a notice is written with: its step's, or the interest invoice's (no step of the plan). */
    static TemplateKind of(Notice notice) {
        return notice.interestInvoice() ? INTEREST_INVOICE : of(notice.step());
    }

    /** From the API's path: {@code purring}, {@code PURRING} or {@code interest-invoice}. */
    public static TemplateKind parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown template kind '" + text + "'; one of reminder, purring, "
                    + "inkassovarsel, interest-invoice");
        }
    }

    String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}

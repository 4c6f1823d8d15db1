package no.purreflyt.rules;

import java.util.Arrays;

/** How sure we are of a row in a legal table, with the marks REGULATION.md uses. */
public enum Confidence {
    LAW("[law]"), TWO_OR_MORE("[2+]"), ONE("[1]"), UNCONFIRMED("[?]");

    private final String mark;

    Confidence(String mark) {
        this.mark = mark;
    }

    public String mark() {
        return mark;
    }

    static Confidence ofMark(String mark) {
        return Arrays.stream(values()).filter(c -> c.mark.equals(mark)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "confidence must be one of [law], [2+], [1], [?] but is '" + mark + "'"));
    }
}

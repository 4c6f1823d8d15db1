package no.purreflyt.rules;

import java.time.LocalDate;

/** A date that no row of a legal table covers. Never answered with the nearest row: an operator adds one. */
public class RuleGapException extends RuntimeException {

    private final String table;
    private final LocalDate date;

    RuleGapException(String table, LocalDate date) {
        super("No row of " + table + " covers " + date + "; add the period to the table");
        this.table = table;
        this.date = date;
    }

    public String table() {
        return table;
    }

    public LocalDate date() {
        return date;
    }
}

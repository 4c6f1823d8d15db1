package no.purreflyt.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A legal table: periods without gaps or overlaps, asked for the row in force on a date. */
public final class DatedTable<T> {

    private final String name;
    private final List<Dated<T>> rows;

    /** Validates that the rows follow each other day by day; only the last may be open-ended. */
    DatedTable(String name, List<Dated<T>> rows) {
        if (rows.isEmpty()) {
            throw new RuleTableException(name + " has no rows");
        }
        List<Dated<T>> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparing(Dated::from));
        for (int i = 1; i < sorted.size(); i++) {
            Dated<T> previous = sorted.get(i - 1);
            Dated<T> row = sorted.get(i);
            if (previous.overlaps(row)) {
                throw new RuleTableException(row.origin() + ": period " + describe(row) + " overlaps "
                        + describe(previous) + " of " + previous.origin());
            }
            if (!previous.to().plusDays(1).equals(row.from())) {
                throw new RuleTableException(row.origin() + ": gap between " + describe(previous) + " of "
                        + previous.origin() + " and " + describe(row) + " (nothing covers "
                        + previous.to().plusDays(1) + " to " + row.from().minusDays(1) + ")");
            }
        }
        this.name = name;
        this.rows = List.copyOf(sorted);
    }

    private static String describe(Dated<?> row) {
        return row.from() + ".." + (row.to() == null ? "" : row.to());
    }

    public String name() {
        return name;
    }

    public List<Dated<T>> rows() {
        return rows;
    }

    /** The row in force on a date, or a {@link RuleGapException} naming the date. */
    public Dated<T> rowAt(LocalDate date) {
        for (Dated<T> row : rows) {
            if (row.covers(date)) {
                return row;
            }
        }
        throw new RuleGapException(name, date);
    }

    public T at(LocalDate date) {
        return rowAt(date).value();
    }
}

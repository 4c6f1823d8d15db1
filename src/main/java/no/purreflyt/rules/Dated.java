package no.purreflyt.rules;

import java.time.LocalDate;
import java.util.function.Function;

/**
 * One row of a legal table: a value in force from a date through a date (or until further notice when
 * {@code to} is null), with the source it was read from, how sure we are of it, and where the row itself came from
 * ({@code origin}, such as {@code rules/no-forsinkelsesrente.csv line 7}).
 */
public record Dated<T>(LocalDate from, LocalDate to, T value, String source, Confidence confidence, String origin) {

    public boolean covers(LocalDate date) {
        return !date.isBefore(from) && (to == null || !date.isAfter(to));
    }

    /** The same row with its value turned into another (one column of it, say), source and origin kept. */
    <U> Dated<U> map(Function<T, U> column) {
        return new Dated<>(from, to, column.apply(value), source, confidence, origin);
    }

    boolean overlaps(Dated<?> other) {
        return (to == null || !other.from.isAfter(to)) && (other.to == null || !from.isAfter(other.to));
    }
}

package no.purreflyt.web;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One thing wrong with a request, named by its field (a JSON path such as {@code address.postalCode}).
 * For a CSV import, row is the data row (1 = the first row after the header) and line the file line.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldProblem(Integer row, Integer line, String field, String message) {

    public static FieldProblem of(String field, String message) {
        return new FieldProblem(null, null, field, message);
    }

    public FieldProblem atRow(int row, int line) {
        return new FieldProblem(row, line, field, message);
    }
}

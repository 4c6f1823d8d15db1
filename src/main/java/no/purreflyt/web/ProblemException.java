package no.purreflyt.web;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A request we refuse on purpose, with the status and the fields to name in the problem+json answer.
 * Thrown before anything is written, or inside the transaction so that nothing is.
 */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String title;
    private final List<FieldProblem> errors;

    public ProblemException(HttpStatus status, String title, String detail, List<FieldProblem> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(HttpStatus.NOT_FOUND, "Not found", detail, List.of());
    }

    public static ProblemException conflict(String field, String detail) {
        return new ProblemException(HttpStatus.CONFLICT, "Conflict", detail, List.of(FieldProblem.of(field, detail)));
    }

    /** The request is well-formed but breaks a business rule (unknown customer, currency mismatch...). */
    public static ProblemException invalid(String field, String detail) {
        return invalid(detail, List.of(FieldProblem.of(field, detail)));
    }

    public static ProblemException invalid(String detail, List<FieldProblem> errors) {
        return new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "Request not accepted", detail, errors);
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<FieldProblem> errors() {
        return errors;
    }
}

package no.purreflyt.rules;

/** A legal table that cannot be used: malformed row, gap or overlap. The message names file and line. */
public class RuleTableException extends RuntimeException {

    RuleTableException(String message) {
        super(message);
    }

    RuleTableException(String message, Throwable cause) {
        super(message, cause);
    }
}

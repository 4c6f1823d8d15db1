package no.purreflyt.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;

/**
 * Turns what Jackson could not read into the 400 a client can act on: the field by its JSON path and what is wrong
 * with it, in words. Jackson's own messages name our classes and its internals, so they never reach the answer.
 */
public final class JsonProblems {

    private JsonProblems() {
    }

    /** The refusal of a body that Jackson could not read; {@code what} says what it should have been ("a callback"). */
    public static ProblemException refusal(Throwable cause, String what) {
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            String message;
            if (cause instanceof UnrecognizedPropertyException) {
                message = "unknown field";
            } else if (cause instanceof InvalidFormatException invalid && invalid.getTargetType() == String.class
                    && String.valueOf(invalid.getValue()).indexOf('\u0000') >= 0) {
                message = "holds a NUL character, which no text may hold";
            } else if (cause instanceof InvalidFormatException invalid && invalid.getTargetType() == String.class) {
                message = "has the wrong type; expected text";
            } else if (cause instanceof InvalidFormatException invalid) {
                message = "'" + shortened(String.valueOf(invalid.getValue())) + "' is not a valid "
                        + describe(invalid.getTargetType());
            } else if (cause instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
                message = "has the wrong type; expected " + describe(mismatched.getTargetType());
            } else {
                message = "has the wrong type or form";
            }
            return new ProblemException(HttpStatus.BAD_REQUEST, "Invalid request", "The field " + field + " " + message,
                    List.of(FieldProblem.of(field, message)));
        }
        if (cause instanceof MismatchedInputException) {
            return new ProblemException(HttpStatus.BAD_REQUEST, "Malformed request",
                    "The request body is not " + what + " (a JSON object)", List.of());
        }
        String detail = cause instanceof JsonProcessingException json && json.getLocation() != null
                && json.getLocation().getLineNr() > 0
                ? "Malformed JSON at line " + json.getLocation().getLineNr() + ", column " + json.getLocation().getColumnNr()
                : "The request body is missing or is not valid JSON";
        return new ProblemException(HttpStatus.BAD_REQUEST, "Malformed request", detail, List.of());
    }

    /** What a client should send for the type, without naming a class of ours. */
    static String describe(Class<?> type) {
        if (type == java.time.LocalDate.class) {
            return "date (YYYY-MM-DD)";
        }
        if (type == java.time.LocalTime.class) {
            return "time of day (HH:MM)";
        }
        if (type == java.math.BigDecimal.class || Number.class.isAssignableFrom(type) || type == int.class
                || type == long.class) {
            return "number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean (true or false)";
        }
        if (type == String.class) {
            return "text";
        }
        if (type.isEnum()) {
            return "value; allowed: " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "list";
        }
        if (type.isRecord() || !type.getName().startsWith("java.")) {
            return "object";
        }
        return type.getSimpleName().toLowerCase(Locale.ROOT);
    }

    private static String shortened(String value) {
        return value.length() > 100 ? value.substring(0, 100) + "…" : value;
    }
}

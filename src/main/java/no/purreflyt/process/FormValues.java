package no.purreflyt.process;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Date;
import java.util.Locale;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * The edge between a Camunda Form and our code: what Tasklist submits arrives untyped (strings, Long or Double for
 * numbers, sometimes Date), and is turned into proper types here. A bad value refuses the completion with a sentence
 * Tasklist shows (BadUserRequestException answers 400), and the task stays open.
 */
final class FormValues {

    private FormValues() {
    }

    /** The longest text a form field may hold: the columns notes and reasons end up in take 1000 characters. */
    static final int MAX_TEXT = 1000;

    static String text(DelegateTask task, String key) {
        Object value = task.getVariable(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String || value instanceof Number || value instanceof Boolean)) {
            // a Json, Xml, Object or Bytes value from the REST API: no form field submits one
            throw new BadUserRequestException(key + ": a text is expected, not " + value.getClass().getSimpleName());
        }
        String text = value.toString().strip();
        if (text.indexOf('\u0000') >= 0) {
            throw new BadUserRequestException(key + " holds a NUL character, which no text may hold");
        }
        if (text.length() > MAX_TEXT) {
            throw new BadUserRequestException(key + " is " + text.length() + " characters long; at most " + MAX_TEXT);
        }
        return text.isEmpty() ? null : text;
    }

    static String requiredText(DelegateTask task, String key, String label) {
        String text = text(task, key);
        if (text == null) {
            throw new BadUserRequestException(label + " is required");
        }
        return text;
    }

    static <E extends Enum<E>> E choice(DelegateTask task, String key, Class<E> type, String label) {
        String text = requiredText(task, key, label);
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadUserRequestException(label + ": '" + shortened(text) + "' is not one of "
                    + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
        }
    }

    /** A date field: "2026-03-16" from form-js (or a full ISO date-time, or a Date from the REST API). */
    static LocalDate date(DelegateTask task, String key, String label, ZoneId zone) {
        Object value = task.getVariable(key);
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        if (value instanceof Date date) {
            return date.toInstant().atZone(zone).toLocalDate();
        }
        String text = value.toString().strip();
        try {
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            throw new BadUserRequestException(label + ": '" + shortened(text) + "' is not a date (YYYY-MM-DD)");
        }
    }

    private static String shortened(String text) {
        return text.length() > 50 ? text.substring(0, 50) + "…" : text;
    }

    /** A date that must lie after today. */
    static LocalDate futureDate(DelegateTask task, String key, String label, LocalDate today, ZoneId zone) {
        LocalDate date = date(task, key, label, zone);
        if (date == null) {
            throw new BadUserRequestException(label + " is required");
        }
        if (!date.isAfter(today)) {
            throw new BadUserRequestException(label + " must be after today (" + today + "); " + date + " is not");
        }
        return date;
    }

    /** Who completes the task: the logged-in user, else its assignee. */
    static String user(DelegateTask task) {
        Authentication authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return authentication != null ? authentication.getUserId() : task.getAssignee();
    }

    /** Removes what the form submitted once it is converted, so the case keeps routing facts only. */
    static void forget(DelegateTask task, String... keys) {
        for (String key : keys) {
            if (task.hasVariable(key)) {
                task.removeVariable(key);
            }
        }
    }
}

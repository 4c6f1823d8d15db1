package no.purreflyt.overview;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Numbers as a Norwegian reader writes them: "12 345,67 NOK", "02.03.2026". The thousands separator is a no-break
 * space, so an amount never wraps inside its table cell.
 */
final class NorwegianFormat {

    static final char NO_BREAK_SPACE = '\u00a0';
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private NorwegianFormat() {
    }

    static String money(BigDecimal amount, String currency) {
        return amount(amount) + NO_BREAK_SPACE + currency;
    }

    static String amount(BigDecimal amount) {
        // DecimalFormat is not thread-safe: one per call
        DecimalFormatSymbols symbols = new DecimalFormatSymbols(Locale.ROOT);
        symbols.setGroupingSeparator(NO_BREAK_SPACE);
        symbols.setDecimalSeparator(',');
        symbols.setMinusSign('\u2212');
        DecimalFormat format = new DecimalFormat("#,##0.00", symbols);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(amount);
    }

    static String count(long count) {
        DecimalFormatSymbols symbols = new DecimalFormatSymbols(Locale.ROOT);
        symbols.setGroupingSeparator(NO_BREAK_SPACE);
        return new DecimalFormat("#,##0", symbols).format(count);
    }

    static String date(LocalDate date) {
        return DATE.format(date);
    }

    /** "3 d 4 h", "5 h", "12 min": how long something has waited, to the hour once it is an hour. */
    static String age(Duration age) {
        if (age.isNegative()) {
            age = Duration.ZERO;
        }
        if (age.toHours() == 0) {
            return age.toMinutes() + " min";
        }
        if (age.toDays() == 0) {
            return age.toHours() + " h";
        }
        return age.toDays() + " d " + age.toHoursPart() + " h";
    }
}

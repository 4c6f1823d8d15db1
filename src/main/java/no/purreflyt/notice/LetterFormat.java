package no.purreflyt.notice;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import no.purreflyt.ledger.Language;

/**
 * Amounts, rates and dates as a debtor reads them in the letter's language: 1 234,56 and 02.03.2026 in Norwegian,
 * 1 234,56 and 2026-03-02 in Swedish, 1,234.56 and 2 March 2026 in English. The symbols are fixed here rather than
 * taken from the JDK's locale data, so a letter reads the same on every machine and Java version.
 */
final class LetterFormat {

    private static final char NBSP = '\u00a0';

    private final Language language;
    private final DateTimeFormatter dates;

    LetterFormat(Language language) {
        this.language = language;
        this.dates = switch (language) {
            case NB -> DateTimeFormatter.ofPattern("dd.MM.yyyy");
            case SV -> DateTimeFormatter.ISO_LOCAL_DATE;
            case EN -> DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
        };
    }

    String money(BigDecimal amount) {
        return decimal("#,##0.00").format(amount);
    }

    /** 12,25 % (Norwegian and Swedish), 12.25% (English). */
    String percent(BigDecimal rate) {
        String number = decimal("0.00").format(rate);
        return language == Language.EN ? number + "%" : number + NBSP + "%";
    }

    String date(LocalDate day) {
        return day == null ? "" : dates.format(day);
    }

    private DecimalFormat decimal(String pattern) {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
        if (language == Language.EN) {
            symbols.setDecimalSeparator('.');
            symbols.setGroupingSeparator(',');
        } else {
            symbols.setDecimalSeparator(',');
            symbols.setGroupingSeparator(NBSP);
        }
        symbols.setMinusSign('-');
        DecimalFormat format = new DecimalFormat(pattern, symbols);
        format.setParseBigDecimal(true);
        return format;
    }
}

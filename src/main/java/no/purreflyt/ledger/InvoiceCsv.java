package no.purreflyt.ledger;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import no.purreflyt.web.FieldProblem;
import no.purreflyt.web.ProblemException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.http.HttpStatus;

/**
 * Reads the invoice CSV of {@code POST /api/invoices/import}. The header names the columns (any order):
 * number, customerExternalId, issueDate, dueDate, amount, currency, and optionally kid and excluded.
 * Comma or semicolon separated (a spreadsheet in a Norwegian locale writes semicolons and decimal commas).
 * A value that cannot be read becomes a problem on its row; the file as a whole is refused only when it
 * cannot be read as CSV at all.
 */
final class InvoiceCsv {

    static final int MAX_ROWS = 100_000;

    static final List<String> REQUIRED = List.of("number", "customerExternalId", "issueDate", "dueDate", "amount", "currency");
    static final List<String> OPTIONAL = List.of("kid", "excluded");

    /** One data row: row 1 is the first after the header; line is where it starts in the file. */
    record Row(int row, int line, InvoiceRequest request, List<FieldProblem> problems) {
    }

    private InvoiceCsv() {
    }

    static List<Row> parse(String text) {
        if (text == null || text.isBlank()) {
            throw malformed("The file is empty; the first line must name the columns: " + String.join(",", REQUIRED));
        }
        String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
        String headerLine = content.lines().findFirst().orElse("");
        char delimiter = headerLine.contains(";") && !headerLine.contains(",") ? ';' : ',';
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setDelimiter(delimiter)
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true)
                .setIgnoreEmptyLines(true)
                .setTrim(true)
                .get();
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(content)).setFormat(format).get()) {
            checkHeader(parser.getHeaderNames());
            List<Row> rows = new ArrayList<>();
            int row = 0;
            for (CSVRecord record : parser) {
                row++;
                if (row > MAX_ROWS) {
                    throw new ProblemException(HttpStatus.PAYLOAD_TOO_LARGE, "Import too large",
                            "An import holds at most " + MAX_ROWS + " rows; split the file", List.of());
                }
                rows.add(read(record, row, delimiter));
            }
            if (rows.isEmpty()) {
                throw malformed("The file has a header but no rows");
            }
            return rows;
        } catch (UncheckedIOException | IllegalStateException e) {
            throw malformed("The file is not valid CSV: " + parserSays(e));
        } catch (IOException e) {
            throw malformed("The file could not be read: " + parserSays(e));
        }
    }

    /** The parser's sentence ("(startline 2) EOF reached before ..."), without the class names it wraps it in. */
    private static String parserSays(Exception e) {
        Throwable innermost = e;
        while (innermost.getCause() != null && innermost.getCause() != innermost) {
            innermost = innermost.getCause();
        }
        String message = innermost.getMessage() == null ? "unreadable" : innermost.getMessage();
        return message.replaceAll("^[a-z]+(\\.[a-z0-9_]+)+\\.[A-Za-z0-9_$]+:\\s*", "");
    }

    private static void checkHeader(List<String> header) {
        Set<String> missing = new LinkedHashSet<>(REQUIRED);
        header.forEach(missing::remove);
        List<String> unknown = header.stream().filter(h -> !REQUIRED.contains(h) && !OPTIONAL.contains(h)).toList();
        List<FieldProblem> problems = new ArrayList<>();
        missing.forEach(m -> problems.add(FieldProblem.of(m, "column missing from the header")));
        unknown.forEach(u -> problems.add(FieldProblem.of(u, "unknown column; known: "
                + String.join(", ", REQUIRED) + ", " + String.join(", ", OPTIONAL))));
        if (!problems.isEmpty()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "Malformed CSV",
                    "The header line does not name the expected columns", problems);
        }
    }

    private static Row read(CSVRecord record, int row, char delimiter) {
        int line = (int) record.getParser().getCurrentLineNumber();
        List<FieldProblem> problems = new ArrayList<>();
        if (!record.isConsistent()) {
            problems.add(FieldProblem.of("", "the row has " + record.size() + " values, the header "
                    + record.getParser().getHeaderNames().size()));
            return new Row(row, line, null, problems);
        }
        Map<String, String> values = record.toMap();
        InvoiceRequest request = new InvoiceRequest(
                blankToNull(values.get("number")),
                blankToNull(values.get("customerExternalId")),
                value(values, "issueDate", LocalDate::parse, "is not a valid date (YYYY-MM-DD)", problems),
                value(values, "dueDate", LocalDate::parse, "is not a valid date (YYYY-MM-DD)", problems),
                value(values, "amount", s -> new BigDecimal(delimiter == ';' ? s.replace(',', '.') : s),
                        "is not an amount (such as 1250.00)", problems),
                blankToNull(values.get("currency")),
                blankToNull(values.get("kid")),
                value(values, "excluded", InvoiceCsv::parseBoolean, "must be true or false", problems));
        return new Row(row, line, request, problems);
    }

    private static <T> T value(Map<String, String> values, String column, Function<String, T> parse, String error,
            List<FieldProblem> problems) {
        String raw = blankToNull(values.get(column));
        if (raw == null) {
            return null;
        }
        try {
            return parse.apply(raw);
        } catch (DateTimeParseException | IllegalArgumentException e) {
            problems.add(FieldProblem.of(column, "'" + raw + "' " + error));
            return null;
        }
    }

    private static Boolean parseBoolean(String raw) {
        return switch (raw.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1", "ja" -> true;
            case "false", "no", "0", "nei" -> false;
            default -> throw new IllegalArgumentException(raw);
        };
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static ProblemException malformed(String detail) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "Malformed CSV", detail, List.of());
    }
}

package no.purreflyt.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The dated legal tables: shipped under {@code rules/} on the classpath, extended or corrected by files of the
 * same name in an operator's directory. A row of an operator's file replaces the shipped rows whose period it
 * overlaps; everything else is kept. Loading validates every row and every table, so a bad table stops the
 * application with the file and line instead of answering wrongly later.
 */
public final class RuleTables {

    static final String NO_INTEREST = "no-forsinkelsesrente.csv";
    static final String NO_COMPENSATION = "no-standardkompensasjon.csv";
    static final String NO_SATS = "no-inkassosats.csv";
    static final String NO_FRACTIONS = "no-gebyrbrok.csv";
    static final String SE_RATE = "se-referensranta.csv";
    static final String SE_FEES = "se-avgifter.csv";

    private final DatedTable<BigDecimal> norwegianInterest;
    private final DatedTable<BigDecimal> norwegianCompensation;
    private final DatedTable<Inkassosats> inkassosats;
    private final DatedTable<FeeFractions> feeFractions;
    private final DatedTable<SwedishRate> swedishRate;
    private final DatedTable<SwedishFees> swedishFees;

    private RuleTables(TableReader reader) {
        norwegianInterest = reader.read(NO_INTEREST, List.of("rate"), row -> row.percent("rate"));
        norwegianCompensation = reader.read(NO_COMPENSATION, List.of("amount"), row -> row.amount("amount"));
        inkassosats = reader.read(NO_SATS, List.of("sats", "fee_rounding"), row -> new Inkassosats(
                row.amount("sats"), row.enumeration("fee_rounding", Inkassosats.FeeRounding.class)));
        feeFractions = reader.read(NO_FRACTIONS, List.of("purring", "inkassovarsel", "betalingsoppfordring"),
                row -> new FeeFractions(row.fraction("purring"), row.fraction("inkassovarsel"),
                        row.fraction("betalingsoppfordring")));
        swedishRate = reader.read(SE_RATE, List.of("referensranta", "margin"),
                row -> new SwedishRate(row.decimal("referensranta"), row.percent("margin")));
        swedishFees = reader.read(SE_FEES, List.of("paminnelseavgift", "inkassokrav", "forseningsersattning"),
                row -> new SwedishFees(row.amount("paminnelseavgift"), row.amount("inkassokrav"),
                        row.amount("forseningsersattning")));
    }

    /** The shipped tables only. */
    public static RuleTables builtIn() {
        return new RuleTables(new TableReader(null));
    }

    /**
     * The shipped tables, with the files of an operator's directory laid over them. The directory must exist
     * and hold only files named as the shipped tables.
     */
    public static RuleTables withOverrides(Path directory) {
        if (directory == null) {
            return builtIn();
        }
        if (!Files.isDirectory(directory)) {
            throw new RuleTableException("The rules directory " + directory + " does not exist or is not a directory");
        }
        try (Stream<Path> files = Files.list(directory)) {
            Set<String> unknown = files.map(p -> p.getFileName().toString())
                    .filter(name -> name.endsWith(".csv") && !TableReader.KNOWN.contains(name))
                    .collect(Collectors.toCollection(java.util.TreeSet::new));
            if (!unknown.isEmpty()) {
                throw new RuleTableException("The rules directory " + directory + " has files that are no table: "
                        + unknown + "; the tables are " + TableReader.KNOWN);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new RuleTables(new TableReader(directory));
    }

    /** Forsinkelsesrente in percent a year (policy rate + 8), by half-year. */
    public DatedTable<BigDecimal> norwegianInterest() {
        return norwegianInterest;
    }

    /** § 3a standard compensation in NOK, by half-year. */
    public DatedTable<BigDecimal> norwegianCompensation() {
        return norwegianCompensation;
    }

    /** The inkassosats by the day a notice is sent. */
    public DatedTable<Inkassosats> inkassosats() {
        return inkassosats;
    }

    /** Fee fractions by the claim's due date. */
    public DatedTable<FeeFractions> feeFractions() {
        return feeFractions;
    }

    public DatedTable<SwedishRate> swedishRate() {
        return swedishRate;
    }

    public DatedTable<SwedishFees> swedishFees() {
        return swedishFees;
    }

    public List<DatedTable<?>> all() {
        return List.of(norwegianInterest, norwegianCompensation, inkassosats, feeFractions, swedishRate, swedishFees);
    }

    /** Reads one table from the classpath and, where present, from the operator's directory. */
    private static final class TableReader {

        static final Set<String> KNOWN = new LinkedHashSet<>(
                List.of(NO_INTEREST, NO_COMPENSATION, NO_SATS, NO_FRACTIONS, SE_RATE, SE_FEES));

        private final Path directory;

        TableReader(Path directory) {
            this.directory = directory;
        }

        <T> DatedTable<T> read(String file, List<String> columns, Function<Row, T> value) {
            List<Dated<T>> rows = parse("rules/" + file, classpath(file), columns, value);
            if (directory != null && Files.isRegularFile(directory.resolve(file))) {
                Path path = directory.resolve(file);
                try {
                    List<Dated<T>> overrides = parse(path.toString(), Files.readString(path, StandardCharsets.UTF_8),
                            columns, value);
                    // the operator's rows must be consistent among themselves before they replace anything
                    new DatedTable<>(path.toString(), overrides);
                    List<Dated<T>> merged = new ArrayList<>(overrides);
                    rows.stream().filter(shipped -> overrides.stream().noneMatch(shipped::overlaps))
                            .forEach(merged::add);
                    rows = merged;
                } catch (IOException e) {
                    throw new RuleTableException("Cannot read " + path + ": " + e.getMessage(), e);
                }
            }
            return new DatedTable<>(file, rows);
        }

        private static String classpath(String file) {
            try (InputStream in = RuleTables.class.getClassLoader().getResourceAsStream("rules/" + file)) {
                if (in == null) {
                    throw new RuleTableException("The shipped table rules/" + file + " is missing from the classpath");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static <T> List<Dated<T>> parse(String origin, String content, List<String> columns,
                Function<Row, T> value) {
            CSVFormat format = CSVFormat.DEFAULT.builder().setCommentMarker('#').setHeader()
                    .setSkipHeaderRecord(true).setIgnoreEmptyLines(true).setTrim(true).get();
            List<Dated<T>> rows = new ArrayList<>();
            try (CSVParser parser = CSVParser.parse(content, format)) {
                Set<String> expected = new LinkedHashSet<>(List.of("from", "to"));
                expected.addAll(columns);
                expected.addAll(List.of("source", "confidence"));
                Set<String> actual = new LinkedHashSet<>(parser.getHeaderNames());
                if (!actual.equals(expected)) {
                    throw new RuleTableException(origin + ": the header must name the columns " + expected
                            + " but names " + actual);
                }
                for (CSVRecord record : parser) {
                    String where = origin + " line " + lineOf(content, record.getCharacterPosition());
                    if (!record.isConsistent()) {
                        throw new RuleTableException(where + ": expected " + expected.size() + " values but found "
                                + record.size());
                    }
                    Row row = new Row(record, where);
                    LocalDate from = row.date("from");
                    LocalDate to = row.optionalDate("to");
                    if (to != null && to.isBefore(from)) {
                        throw new RuleTableException(where + ": 'to' " + to + " is before 'from' " + from);
                    }
                    String source = row.text("source");
                    Confidence confidence = row.confidence();
                    rows.add(new Dated<>(from, to, value.apply(row), source, confidence, where));
                }
            } catch (IOException | IllegalArgumentException | IllegalStateException e) {
                throw new RuleTableException(origin + ": " + e.getMessage(), e);
            }
            return rows;
        }

        private static long lineOf(String content, long characterPosition) {
            long line = 1;
            for (int i = 0; i < characterPosition && i < content.length(); i++) {
                if (content.charAt(i) == '\n') {
                    line++;
                }
            }
            return line;
        }
    }

    /** One CSV row, whose readers turn a bad value into an error naming file, line and column. */
    static final class Row {

        private final CSVRecord record;
        private final String where;

        Row(CSVRecord record, String where) {
            this.record = record;
            this.where = where;
        }

        String text(String column) {
            String text = record.get(column);
            if (text == null || text.isBlank()) {
                throw problem(column, "is empty");
            }
            return text;
        }

        LocalDate date(String column) {
            String text = text(column);
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw problem(column, "'" + text + "' is not a date such as 2026-07-01");
            }
        }

        LocalDate optionalDate(String column) {
            return record.get(column).isBlank() ? null : date(column);
        }

        BigDecimal decimal(String column) {
            String text = text(column);
            try {
                return new BigDecimal(text);
            } catch (NumberFormatException e) {
                throw problem(column, "'" + text + "' is not a number such as 12.25");
            }
        }

        /** A rate in percent: 0 to 100. */
        BigDecimal percent(String column) {
            BigDecimal value = decimal(column);
            if (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(100)) > 0) {
                throw problem(column, value + " is not a percentage between 0 and 100");
            }
            return value;
        }

        /** An amount of money: not negative, at most two decimals. */
        BigDecimal amount(String column) {
            BigDecimal value = decimal(column);
            if (value.signum() < 0 || value.stripTrailingZeros().scale() > 2) {
                throw problem(column, value + " is not an amount (0 or more, at most two decimals)");
            }
            return value.setScale(2);
        }

        Fraction fraction(String column) {
            try {
                return Fraction.parse(text(column));
            } catch (IllegalArgumentException e) {
                throw problem(column, e.getMessage());
            }
        }

        <E extends Enum<E>> E enumeration(String column, Class<E> type) {
            String text = text(column);
            try {
                return Enum.valueOf(type, text);
            } catch (IllegalArgumentException e) {
                throw problem(column, "'" + text + "' is not one of " + java.util.Arrays.toString(type.getEnumConstants()));
            }
        }

        Confidence confidence() {
            try {
                return Confidence.ofMark(text("confidence"));
            } catch (IllegalArgumentException e) {
                throw problem("confidence", e.getMessage());
            }
        }

        private RuleTableException problem(String column, String message) {
            return new RuleTableException(where + ", column " + column + ": " + message);
        }
    }

}

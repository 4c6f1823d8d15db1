package no.purreflyt.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.purreflyt.ledger.Country;

class RuleTablesTest {

    private static final String HEADER = "from,to,rate,source,confidence\n";

    @TempDir
    Path directory;

    private void write(String file, String content) throws IOException {
        Files.writeString(directory.resolve(file), content);
    }

    @Test
    void theShippedTablesCarrySourceAndConfidenceOnEveryRow() {
        RuleTables tables = RuleTables.builtIn();

        assertThat(tables.all()).allSatisfy(table -> assertThat(table.rows()).allSatisfy(row -> {
            assertThat(row.source()).isNotBlank();
            assertThat(row.confidence()).isNotNull();
        }));
        Dated<BigDecimal> h2 = tables.norwegianInterest().rowAt(LocalDate.of(2026, 9, 1));
        assertThat(h2.value()).isEqualByComparingTo("12.25");
        assertThat(h2.confidence()).isEqualTo(Confidence.ONE);
        assertThat(h2.origin()).isEqualTo("rules/no-forsinkelsesrente.csv line 22");
    }

    @Test
    void anOperatorsRowExtendsATableWithoutARelease() throws IOException {
        write("no-forsinkelsesrente.csv", HEADER + "2027-01-01,2027-06-30,12.00,\"operator, from Norges Bank\",[law]\n");
        RuleTables tables = RuleTables.withOverrides(directory);

        assertThat(tables.norwegianInterest().at(LocalDate.of(2027, 3, 1))).isEqualByComparingTo("12.00");
        // the shipped rows stay
        assertThat(tables.norwegianInterest().at(LocalDate.of(2024, 3, 1))).isEqualByComparingTo("12.50");
        // and interest into 2027 can now be computed: 1000 × 0.12 × 10 / 365 = 120 / 36.5 = 3.287671 → 3.29
        InterestStatement statement = new InterestCalculator(tables).interest(Country.NO, LocalDate.of(2026, 12, 31),
                Principal.of(new BigDecimal("1000.00")), LocalDate.of(2027, 1, 10));
        assertThat(statement.total()).isEqualByComparingTo("3.29");
    }

    @Test
    void anOperatorsRowReplacesTheShippedRowItOverlaps() throws IOException {
        write("no-forsinkelsesrente.csv", HEADER + "2026-07-01,2026-12-31,12.50,\"primary text read\",[law]\n");

        Dated<BigDecimal> row = RuleTables.withOverrides(directory).norwegianInterest().rowAt(LocalDate.of(2026, 8, 1));

        assertThat(row.value()).isEqualByComparingTo("12.50");
        assertThat(row.confidence()).isEqualTo(Confidence.LAW);
        assertThat(row.origin()).endsWith("no-forsinkelsesrente.csv line 2");
    }

    @Test
    void aGapStopsLoadingWithFileAndLine() throws IOException {
        write("no-forsinkelsesrente.csv", HEADER + "2027-07-01,2027-12-31,12.00,src,[1]\n");

        assertThatThrownBy(() -> RuleTables.withOverrides(directory))
                .isInstanceOf(RuleTableException.class)
                .hasMessageContaining("no-forsinkelsesrente.csv line 2")
                .hasMessageContaining("gap")
                .hasMessageContaining("2027-01-01 to 2027-06-30");
    }

    @Test
    void anOverlapStopsLoadingWithFileAndLine() throws IOException {
        write("se-referensranta.csv", "# a comment line\nfrom,to,referensranta,margin,source,confidence\n"
                + "2026-07-01,2026-12-31,1.75,8.00,src,[1]\n"
                + "2026-12-01,2027-06-30,1.50,8.00,src,[1]\n");

        assertThatThrownBy(() -> RuleTables.withOverrides(directory))
                .isInstanceOf(RuleTableException.class)
                .hasMessageContaining("se-referensranta.csv line 4")
                .hasMessageContaining("overlaps")
                .hasMessageContaining("line 3");
    }

    @Test
    void aMalformedRowStopsLoadingNamingLineAndColumn() throws IOException {
        write("no-inkassosats.csv", "from,to,sats,fee_rounding,source,confidence\n"
                + "2027-01-01,2027-12-31,780,KRONE,src,[1]\n"
                + "2028-13-01,2028-12-31,800,KRONE,src,[1]\n");
        assertThatThrownBy(() -> RuleTables.withOverrides(directory))
                .hasMessageContaining("no-inkassosats.csv line 3, column from")
                .hasMessageContaining("2028-13-01");

        write("no-inkassosats.csv", "from,to,sats,fee_rounding,source,confidence\n"
                + "2027-01-01,2027-12-31,780,CENTS,src,[1]\n");
        assertThatThrownBy(() -> RuleTables.withOverrides(directory))
                .hasMessageContaining("line 2, column fee_rounding");

        write("no-inkassosats.csv", "from,to,sats,fee_rounding,source,confidence\n"
                + "2027-01-01,2027-12-31,780,KRONE,src,sure\n");
        assertThatThrownBy(() -> RuleTables.withOverrides(directory))
                .hasMessageContaining("line 2, column confidence");

        write("no-inkassosats.csv", "from,to,sats,source,confidence\n2027-01-01,2027-12-31,780,src,[1]\n");
        assertThatThrownBy(() -> RuleTables.withOverrides(directory))
                .hasMessageContaining("no-inkassosats.csv").hasMessageContaining("fee_rounding");
    }

    @Test
    void aFileThatIsNoTableOrAMissingDirectoryStopsLoading() throws IOException {
        write("no-renter.csv", HEADER);
        assertThatThrownBy(() -> RuleTables.withOverrides(directory))
                .hasMessageContaining("no-renter.csv").hasMessageContaining("no-forsinkelsesrente.csv");

        assertThatThrownBy(() -> RuleTables.withOverrides(directory.resolve("missing")))
                .isInstanceOf(RuleTableException.class).hasMessageContaining("missing");
    }
}

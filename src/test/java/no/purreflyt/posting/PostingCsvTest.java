package no.purreflyt.posting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The CSV file the accounting system imports. */
class PostingCsvTest {

    private static final Instant CREATED = Instant.parse("2026-03-02T11:00:00Z");

    @Test
    void twoPostingsAreAHeaderAndTwoRecordsWithCrlfAndQuotesOnlyWhereNeeded() {
        Posting fee = new Posting(1, "notice:17:fee", LocalDate.of(2026, 3, 2), PostingType.FEE, "1500", "3900",
                new BigDecimal("38.00"), "NOK", "0", "F-1001", "K-7", 42L, "Purregebyr, purring 1", CREATED);
        // a text with a comma, a quote and a line break; no invoice, customer or case: empty fields
        Posting interest = new Posting(2, "agency:9:interest", LocalDate.of(2026, 3, 3), PostingType.INTEREST, "1550",
                "8050", new BigDecimal("12.50"), "NOK", "0", null, null, null, "Rente \"inkasso\",\nmars", CREATED);

        String csv = PostingCsv.render(List.of(fee, interest));

        assertThat(csv).isEqualTo(
                "date,type,debitAccount,creditAccount,amount,currency,vatCode,invoiceNumber,customerExternalId,caseId,"
                        + "text,sourceKey\r\n"
                        + "2026-03-02,FEE,1500,3900,38.00,NOK,0,F-1001,K-7,42,\"Purregebyr, purring 1\",notice:17:fee\r\n"
                        + "2026-03-03,INTEREST,1550,8050,12.50,NOK,0,,,,\"Rente \"\"inkasso\"\",\nmars\",agency:9:interest\r\n");
    }

    @Test
    void largeAmountsArePlainDecimalsNeverExponents() {
        // 1E+7 is how BigDecimal.toString writes 10 000 000 at scale -7; an importer wants 10000000.00
        Posting big = new Posting(3, "k", LocalDate.of(2026, 3, 2), PostingType.WRITE_OFF, "7830", "1500",
                new BigDecimal("1E+7").setScale(2), "NOK", "0", null, null, null, null, CREATED);

        assertThat(PostingCsv.render(List.of(big))).endsWith("\r\n2026-03-02,WRITE_OFF,7830,1500,10000000.00,NOK,0,,,,,k\r\n");
    }

    @Test
    void noPostingsIsTheHeaderAlone() {
        assertThat(PostingCsv.render(List.of())).isEqualTo(String.join(",", PostingCsv.HEADER) + "\r\n");
    }
}

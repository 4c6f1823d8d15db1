package no.purreflyt.posting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.purreflyt.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Postings made through the service, in a transaction as the dunning process makes them, and fetched over HTTP as the
 * accounting system does. Default accounts: receivable 1500, at the agency 1550, agency settlement 1580, fees 3900,
 * interest 8050, losses 7830.
 */
class PostingApiIT extends IntegrationTest {

    private static final LocalDate MARCH_1 = LocalDate.of(2026, 3, 1);

    @Autowired Postings postings;
    @Autowired PlatformTransactionManager transactions;

    @Test
    void postingsMadeInATransactionAreFetchedAsJson() {
        post(fee("notice:17:fee", MARCH_1, "38.00"));
        post(new PostingRequest(PostingType.INTEREST, "agency:9:interest", LocalDate.of(2026, 3, 2),
                new BigDecimal("12.50"), "NOK", "F-1001", 42L, "K-7", "Forsinkelsesrente hos inkasso", true));

        ResponseEntity<JsonNode> response = get("/api/postings?from=2026-03-01&to=2026-03-31");

        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
        JsonNode list = response.getBody();
        assertThat(list).hasSize(2);
        JsonNode fee = list.get(0);
        assertThat(fee.path("date").asText()).isEqualTo("2026-03-01");
        assertThat(fee.path("type").asText()).isEqualTo("FEE");
        assertThat(fee.path("debitAccount").asText()).isEqualTo("1500");
        assertThat(fee.path("creditAccount").asText()).isEqualTo("3900");
        assertThat(fee.path("amount").decimalValue()).isEqualByComparingTo("38.00");
        assertThat(fee.path("currency").asText()).isEqualTo("NOK");
        assertThat(fee.path("vatCode").asText()).isEqualTo("0");
        assertThat(fee.path("invoiceNumber").asText()).isEqualTo("F-1001");
        assertThat(fee.path("customerExternalId").asText()).isEqualTo("K-7");
        assertThat(fee.path("caseId").asLong()).isEqualTo(42);
        assertThat(fee.path("sourceKey").asText()).isEqualTo("notice:17:fee");
        // by the business clock (noon in Oslo on 2026-03-02 is 11:00 UTC), not the computer's
        assertThat(java.time.Instant.parse(fee.path("createdAt").asText()))
                .isCloseTo(java.time.Instant.parse("2026-03-02T11:00:00Z"), org.assertj.core.api.Assertions.within(
                        1, java.time.temporal.ChronoUnit.MINUTES));
        JsonNode interest = list.get(1);
        // collected by the agency: debit the claim at the agency, not the receivable
        assertThat(interest.path("debitAccount").asText()).isEqualTo("1550");
        assertThat(interest.path("creditAccount").asText()).isEqualTo("8050");
        assertThat(interest.path("text").asText()).isEqualTo("Forsinkelsesrente hos inkasso");
    }

    @Test
    void theSamePostingsAreFetchedAsCsvByAcceptOrByFormat() {
        post(fee("notice:17:fee", MARCH_1, "38.00"));
        post(new PostingRequest(PostingType.HANDOVER, "case:42:handover", LocalDate.of(2026, 3, 2),
                new BigDecimal("1076.00"), "NOK", "F-1001", 42L, null, "Overført til inkasso, 38 + 1038", false));
        String expected = "date,type,debitAccount,creditAccount,amount,currency,vatCode,invoiceNumber,"
                + "customerExternalId,caseId,text,sourceKey\r\n"
                + "2026-03-01,FEE,1500,3900,38.00,NOK,0,F-1001,K-7,42,Purregebyr,notice:17:fee\r\n"
                + "2026-03-02,HANDOVER,1550,1500,1076.00,NOK,0,F-1001,,42,\"Overført til inkasso, 38 + 1038\","
                + "case:42:handover\r\n";

        ResponseEntity<String> byAccept = getText("/api/postings?from=2026-03-01&to=2026-03-02", "text/csv");
        ResponseEntity<String> byFormat = getText("/api/postings?from=2026-03-01&to=2026-03-02&format=csv", null);

        for (ResponseEntity<String> csv : List.of(byAccept, byFormat)) {
            assertThat(csv.getStatusCode().value()).isEqualTo(200);
            assertThat(csv.getHeaders().getContentType().isCompatibleWith(MediaType.parseMediaType("text/csv"))).isTrue();
            assertThat(csv.getBody()).isEqualTo(expected);
        }
        assertThat(byAccept.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
                .isEqualTo("attachment; filename=\"postings-2026-03-01-2026-03-02.csv\"");
    }

    @Test
    void fromAndToAreBothInclusive() {
        post(fee("a", LocalDate.of(2026, 2, 28), "38.00"));
        post(fee("b", LocalDate.of(2026, 3, 1), "38.00"));
        post(fee("c", LocalDate.of(2026, 3, 31), "38.00"));
        post(fee("d", LocalDate.of(2026, 4, 1), "38.00"));

        assertThat(sourceKeys("/api/postings?from=2026-03-01&to=2026-03-31")).containsExactly("b", "c");
        assertThat(sourceKeys("/api/postings?from=2026-03-31&to=2026-03-31")).containsExactly("c");
        assertThat(sourceKeys("/api/postings?from=2026-03-02&to=2026-03-30")).isEmpty();
        assertThat(postings.between(LocalDate.of(2026, 2, 28), LocalDate.of(2026, 4, 1))).extracting(Posting::sourceKey)
                .containsExactly("a", "b", "c", "d");
    }

    @Test
    void aRepeatedSourceKeyPostsOnce() {
        assertThat(post(fee("notice:17:fee", MARCH_1, "38.00"))).isTrue();
        // the retried job asks again, once with the same amount and once (a bug elsewhere) with another
        assertThat(post(fee("notice:17:fee", MARCH_1, "38.00"))).isFalse();
        assertThat(post(fee("notice:17:fee", MARCH_1, "35.00"))).isFalse();

        List<Posting> posted = postings.ofInvoice("F-1001");
        assertThat(posted).hasSize(1);
        assertThat(posted.get(0).amount()).isEqualByComparingTo("38.00");
    }

    @Test
    void aPostingIsRolledBackWithTheTransactionOfItsCause() {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            assertThat(postings.post(fee("notice:18:fee", MARCH_1, "38.00"))).isTrue();
            status.setRollbackOnly();
        });

        assertThat(count()).isZero();
    }

    @Test
    void aZeroAmountPostsNothingAndAWrongRequestIsRefusedWithASentence() {
        assertThat(post(fee("notice:19:fee", MARCH_1, "0.00"))).isFalse();

        assertThatThrownBy(() -> post(fee("notice:20:fee", MARCH_1, "-38.00")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative amount -38.00");
        assertThatThrownBy(() -> post(fee("notice:21:fee", MARCH_1, "37.505")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more than two decimals");
        assertThatThrownBy(() -> post(fee(null, MARCH_1, "38.00")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("source key");
        assertThatThrownBy(() -> post(fee("notice:22:fee", null, "38.00")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("posting date");
        assertThatThrownBy(() -> post(new PostingRequest(null, "x", MARCH_1, BigDecimal.ONE, "NOK", null, null, null,
                null, false))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("type");
        assertThatThrownBy(() -> post(new PostingRequest(PostingType.FEE, "x", MARCH_1, BigDecimal.ONE, "nok", null,
                null, null, null, false))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("currency");

        assertThat(count()).isZero();
    }

    @ParameterizedTest(name = "{0} → 400 naming {1}")
    @CsvSource(delimiter = '|', value = {
            "to=2026-03-31                        | from",
            "from=2026-03-01                      | to",
            "from=2026-03-01&to=2026-02-30        | to",
            "from=1.3.2026&to=2026-03-31          | from",
            "from=2026-04-01&to=2026-03-31        | from",
            // 2026-01-01..2027-01-02 inclusive: 365 + 2 = 367 days, one over
            "from=2026-01-01&to=2027-01-02        | to",
            "from=2026-03-01&to=2026-03-31&format=xml | format",
    })
    void badParametersAreAProblemNamingTheFieldAndChangeNothing(String query, String field) {
        post(fee("notice:17:fee", MARCH_1, "38.00"));

        ResponseEntity<JsonNode> response = get("/api/postings?" + query);

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(response.getBody().path("errors")).extracting(e -> e.path("field").asText()).containsExactly(field);
        assertThat(response.getBody().path("detail").asText()).contains(field);
        assertThat(count()).isEqualTo(1);
    }

    @Test
    void aWholeLeapYearIsOneRequestAndAFailingCsvRequestIsStillAProblem() {
        // 2028 is a leap year: 2028-01-01..2028-12-31 is 366 days inclusive, the most one request may span
        assertThat(get("/api/postings?from=2028-01-01&to=2028-12-31").getStatusCode().value()).isEqualTo(200);

        ResponseEntity<String> csv = getText("/api/postings?from=2026-03-31&to=2026-03-01", "text/csv");
        assertThat(csv.getStatusCode().value()).isEqualTo(400);
        assertThat(csv.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
    }

    @Test
    void postingsAreNotForAnonymousCallers() {
        assertThat(http.getForEntity("/api/postings?from=2026-03-01&to=2026-03-31", String.class).getStatusCode().value())
                .isEqualTo(401);
    }

    @Test
    void aCaseFromPurringToTheAgencysCollectionBalances() {
        // Invoice F-2001, 1000.00 NOK: the accounting system booked it (debit 1500, credit sales), not Purreflyt.
        //   purring 1, fee 38:       debit 1500 38.00,    credit 3900 38.00
        //   purring 2, fee 38:       debit 1500 38.00,    credit 3900 38.00
        //   handover 1000 + 38 + 38 = 1076: debit 1550 1076.00, credit 1500 1076.00
        //   interest at the agency:  debit 1550 12.50,    credit 8050 12.50
        //   the agency collects 1076 + 12.50 = 1088.50: debit 1580 1088.50, credit 1550 1088.50
        String invoice = "F-2001";
        post(new PostingRequest(PostingType.FEE, "notice:31:fee", LocalDate.of(2026, 1, 30), new BigDecimal("38.00"),
                "NOK", invoice, 7L, "K-9", "Purregebyr, purring 1", false));
        post(new PostingRequest(PostingType.FEE, "notice:32:fee", LocalDate.of(2026, 2, 16), new BigDecimal("38.00"),
                "NOK", invoice, 7L, "K-9", "Purregebyr, purring 2", false));
        post(new PostingRequest(PostingType.HANDOVER, "case:7:handover", LocalDate.of(2026, 3, 18),
                new BigDecimal("1076.00"), "NOK", invoice, 7L, "K-9", "Overført til inkasso", false));
        post(new PostingRequest(PostingType.INTEREST, "agency:7:interest", LocalDate.of(2026, 4, 20),
                new BigDecimal("12.50"), "NOK", invoice, 7L, "K-9", "Forsinkelsesrente innkrevd av inkasso", true));
        post(new PostingRequest(PostingType.AGENCY_COLLECTED, "agency:7:collected", LocalDate.of(2026, 4, 20),
                new BigDecimal("1088.50"), "NOK", invoice, 7L, "K-9", "Innkrevd av inkasso", true));

        // 1500: the invoice's 1000.00 + 38 + 38 − 1076 = 0.00
        BigDecimal bookedInvoice = new BigDecimal("1000.00");
        assertThat(bookedInvoice.add(postings.balance("1500", invoice))).isEqualByComparingTo("0.00");
        assertThat(postings.balance("1500", invoice)).isEqualByComparingTo("-1000.00");
        // 1550: 1076 + 12.50 − 1088.50 = 0.00
        assertThat(postings.balance("1550", invoice)).isEqualByComparingTo("0.00");
        // 1580: the agency owes 1088.50; income 3900: 38 + 38 = 76 (credit), 8050: 12.50 (credit)
        assertThat(postings.balance("1580", invoice)).isEqualByComparingTo("1088.50");
        assertThat(postings.balance("3900", invoice)).isEqualByComparingTo("-76.00");
        assertThat(postings.balance("8050", invoice)).isEqualByComparingTo("-12.50");
        // the invoice's own entry (debit 1500 1000, credit sales 1000) and ours: 1088.50 − 76 − 12.50 − 1000 = 0
        assertThat(postings.balance("1580", invoice).add(postings.balance("3900", invoice))
                .add(postings.balance("8050", invoice)).subtract(bookedInvoice)).isEqualByComparingTo("0.00");

        // as the accounting system sees it over HTTP: Σ debits = Σ credits = 38 + 38 + 1076 + 12.50 + 1088.50 = 2253.00,
        // and every account's debits − credits add up to zero
        JsonNode fetched = get("/api/postings?from=2026-01-01&to=2026-12-31").getBody();
        assertThat(fetched).hasSize(5);
        BigDecimal debits = BigDecimal.ZERO;
        BigDecimal credits = BigDecimal.ZERO;
        Map<String, BigDecimal> byAccount = new HashMap<>();
        for (JsonNode p : fetched) {
            BigDecimal amount = p.path("amount").decimalValue();
            debits = debits.add(amount);
            credits = credits.add(amount);
            byAccount.merge(p.path("debitAccount").asText(), amount, BigDecimal::add);
            byAccount.merge(p.path("creditAccount").asText(), amount.negate(), BigDecimal::add);
        }
        assertThat(debits).isEqualByComparingTo("2253.00").isEqualByComparingTo(credits);
        assertThat(byAccount.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("0.00");
        assertThat(byAccount.get("1550")).isEqualByComparingTo("0.00");
        assertThat(byAccount.get("1500")).isEqualByComparingTo("-1000.00");
    }

    // ---- helpers

    /** A purring fee on F-1001 of customer K-7, case 42. */
    private static PostingRequest fee(String sourceKey, LocalDate date, String amount) {
        return new PostingRequest(PostingType.FEE, sourceKey, date, new BigDecimal(amount), "NOK", "F-1001", 42L, "K-7",
                "Purregebyr", false);
    }

    /** Posts in a transaction of its own, as the dunning process's job would. */
    private boolean post(PostingRequest request) {
        return new TransactionTemplate(transactions).execute(status -> postings.post(request));
    }

    private long count() {
        return jdbc.sql("select count(*) from posting").query(Long.class).single();
    }

    private List<String> sourceKeys(String path) {
        ResponseEntity<JsonNode> response = get(path);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        return response.getBody().findValuesAsText("sourceKey");
    }

    private ResponseEntity<String> getText(String path, String accept) {
        HttpHeaders headers = new HttpHeaders();
        if (accept != null) {
            headers.set(HttpHeaders.ACCEPT, accept);
        }
        return as(ADMIN).exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }
}

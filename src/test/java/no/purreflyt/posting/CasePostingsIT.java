package no.purreflyt.posting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.purreflyt.support.IntegrationTest;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What a dunning case posts before any agency is involved, with the real process on PostgreSQL: a business debtor's
 * compensation and the fees offset against it (forsinkelsesrenteloven § 3a: the larger of the two, never both), the
 * interest paid with the claim, and a write-off at the handover.
 *
 * <p>The test plan: free reminder 03-05, purring 03-13 (reviewed), purring 03-30, inkassovarsel 04-14 (reviewed),
 * handover 04-29 (approved), for an invoice of 1 000.00 NOK due 2026-02-26. 2026: fee 1/20 × 750 = 37.50 → 38;
 * § 3a compensation for a due date in 2026-H1: 460 NOK.
 */
class CasePostingsIT extends IntegrationTest {

    @Autowired TaskService tasks;
    @Autowired Postings postings;

    /**
     * What each notice claims beyond the one before: claimed = earlier fees + own fee + compensation beyond the fees.
     * Reminder: 0 + 0 + 460 = 460 (the compensation, posted as such). Purring 1: 0 + 38 + (460 − 38) = 460, nothing
     * new. Purring 2: 38 + 38 + (460 − 76) = 460, nothing new. The books hold 460.00, never 460 + 76.
     */
    @Test
    void aBusinessDebtorsCompensationIsPostedOnceAndTheFeesItCoversAddNothing() {
        startCase("BUSINESS");
        throughTheSecondPurring();

        assertThat(lines()).containsExactly("COMPENSATION 1500/3900 460.00");
    }

    /**
     * A consumer pays principal, both fees and interest on 04-01: 1 000.00 + 76.00 + 11.18 = 1 087.18, where the
     * interest is 34 days (02-27 … 04-01) × 1 000.00 × 12 % / 365 = 4 080 / 365 = 11.178 → 11.18. Beyond the
     * principal 87.18 was paid: 76.00 to the fees first, the rest, 11.18, is interest income.
     */
    @Test
    void interestPaidWithTheClaimIsIncomeAfterTheFees() {
        startCase("CONSUMER");
        throughTheSecondPurring();
        travelTo(LocalDate.of(2026, 4, 1));

        pay("1087.18");

        assertThat(jdbc.sql("select outcome from dunning_case").query(String.class).single()).isEqualTo("PAID");
        assertThat(lines()).containsExactly("FEE 1500/3900 38.00", "FEE 1500/3900 38.00", "INTEREST 1500/8050 11.18");
        // 1500: the invoice 1 000.00 booked by the accounting system, its payment 1 087.18, and ours: 0.00 left
        assertThat(new java.math.BigDecimal("1000.00").subtract(new java.math.BigDecimal("1087.18"))
                .add(postings.balance("1500", "INV-1"))).isEqualByComparingTo("0.00");
    }

    /** Written off at the handover: the principal 1 000.00 and the two fees 76.00 are a loss, 1 076.00. */
    @Test
    void aWriteOffAtTheHandoverPostsTheWholeClaimAsALoss() {
        startCase("CONSUMER");
        throughTheSecondPurring();
        travelTo(LocalDate.of(2026, 4, 14));
        complete("SEND");
        travelTo(LocalDate.of(2026, 4, 29));

        complete(Map.of("decision", "WRITE_OFF", "reason", "Debtor emigrated"));

        assertThat(lines()).last().isEqualTo("WRITE_OFF 7830/1500 1076.00");
        assertThat(new java.math.BigDecimal("1000.00").add(postings.balance("1500", "INV-1"))).isEqualByComparingTo("0.00");
    }

    private void startCase(String type) {
        customer("NO-1", type, "NO");
        invoice("INV-1", "NO-1", LocalDate.of(2026, 2, 26), "1000.00", "NOK");
        post("/api/dunning-runs", null);
        executeDueJobs();
    }

    /** The reminder on 03-05, purring 1 on 03-13 (reviewed, sent), purring 2 on 03-30. */
    private void throughTheSecondPurring() {
        travelTo(LocalDate.of(2026, 3, 5));
        travelTo(LocalDate.of(2026, 3, 13));
        complete("SEND");
        travelTo(LocalDate.of(2026, 3, 30));
    }

    private void complete(String decision) {
        complete(Map.of("decision", decision));
    }

    private void complete(Map<String, Object> form) {
        identity.setAuthentication(CONTROLLER, java.util.List.of(no.purreflyt.web.Groups.CREDIT_CONTROLLERS));
        try {
            tasks.complete(tasks.createTaskQuery().singleResult().getId(), new HashMap<>(form));
        } finally {
            identity.clearAuthentication();
        }
        executeDueJobs();
    }

    private void pay(String amount) {
        assertThat(post("/api/invoices/INV-1/payments", Map.of("amount", amount, "paidOn",
                timeTravel.now().toLocalDate().toString(), "externalId", "P-1")).getStatusCode().value()).isEqualTo(201);
        executeDueJobs();
    }

    private List<String> lines() {
        return postings.ofInvoice("INV-1").stream().map(p -> p.type() + " " + p.debitAccount() + "/" + p.creditAccount()
                + " " + p.amount().toPlainString()).toList();
    }
}

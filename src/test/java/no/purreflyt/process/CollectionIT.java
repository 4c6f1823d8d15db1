package no.purreflyt.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import no.purreflyt.collection.AgencyExports;
import no.purreflyt.collection.HmacSignatures;
import no.purreflyt.posting.PostingProperties;
import no.purreflyt.posting.Postings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The claim's life with the collection agency, with the real services on PostgreSQL: the handover through the test
 * agency's file export, the withdrawal window (API and Tasklist), the agency's signed callbacks, a payment straight to
 * the creditor after the handover, credit notes held back while the agency has the claim, and the postings of a whole
 * case.
 *
 * <p>The case is {@link DunningProcessIT}'s: 1 000.00 NOK from a Norwegian consumer, due 2026-02-26; purringer with a
 * fee of 38 on 03-13 and 03-30 (the inkassovarsel of 04-14 charges none, § 1-3); handed over on 2026-04-29 after
 * approval. What goes to the agency: principal 1 000.00 + fees 38 + 38 = 1 076.00. The test plan leaves the withdrawal
 * window at its default, 10 days: the last day to withdraw is 04-29 + 10 = 2026-05-09.
 */
class CollectionIT extends CaseIntegrationTest {

    static final LocalDate HANDOVER_DAY = DunningProcessIT.HANDOVER_DAY;
    static final LocalDate LAST_DAY_OF_WINDOW = LocalDate.of(2026, 5, 9);
    static final String AGENCY = "Test Inkasso AS";
    static final String SECRET = "test-agency-secret";

    @Autowired AgencyExports exports;
    @Autowired Postings postings;
    @Autowired PostingProperties postingSettings;

    @BeforeEach
    void aCaseHandedOverToTheAgency() {
        init(engine);
        customer("NO-1", "CONSUMER", "NO");
        invoice("INV-1", "NO-1", DunningProcessIT.DUE, "1000.00", "NOK");
        post("/api/dunning-runs", null);
        executeDueJobs();
        instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey("INV-1").singleResult();
        travelTo(DunningProcessIT.REMINDER_DAY);
        travelTo(DunningProcessIT.PURRING_1_DAY);
        complete(task(), Map.of("decision", "SEND"));
        travelTo(DunningProcessIT.PURRING_2_DAY);
        travelTo(DunningProcessIT.INKASSOVARSEL_DAY);
        complete(task(), Map.of("decision", "SEND"));
        travelTo(HANDOVER_DAY);
        complete(task(), Map.of("decision", "APPROVE"));
    }

    @AfterEach
    void nobodyLoggedIn() {
        identity.clearAuthentication();
    }

    @Test
    void theHandoverGivesTheAgencyWhatItNeedsInOneAtomicBatchFileAndMovesTheClaimInTheBooks() throws Exception {
        assertThat(instance).isWaitingAt(DunningModel.TASK_WITHDRAWAL_WINDOW);
        assertThat(task().getName()).isEqualTo("Withdraw from the agency or leave it there: INV-1 (Customer NO-1)");
        JsonNode handover = get("/api/invoices/INV-1/handover").getBody();
        assertThat(handover.path("status").asText()).isEqualTo("SENT");
        assertThat(handover.path("principal").decimalValue()).isEqualByComparingTo("1000.00");
        assertThat(handover.path("fees").decimalValue()).isEqualByComparingTo("76.00");
        assertThat(handover.path("windowEndsOn").asText()).isEqualTo("2026-05-09");
        assertThat(caseOf().path("status").asText()).isEqualTo("OPEN");
        assertThat(caseOf().path("stage").asText()).isEqualTo("HANDED_OVER");

        List<AgencyExports.Batch> batches = exports.exportNow();
        AgencyExports.Batch batch = batches.stream().filter(b -> b.agency().equals(AGENCY)).findFirst().orElseThrow();
        assertThat(batch.messages()).isEqualTo(1);
        Path file = Path.of("target/agency-exports/test-inkasso").resolve(batch.file());
        JsonNode message = json.readTree(Files.readString(file)).path("messages").get(0);
        assertThat(message.path("type").asText()).isEqualTo("HANDOVER");
        assertThat(message.path("invoiceNumber").asText()).isEqualTo("INV-1");
        assertThat(message.path("debtor").path("externalId").asText()).isEqualTo("NO-1");
        assertThat(message.path("debtor").path("addressLine1").asText()).isEqualTo("Storgata 1");
        assertThat(message.path("invoice").path("dueDate").asText()).isEqualTo("2026-02-26");
        assertThat(message.path("claim").path("principal").decimalValue()).isEqualByComparingTo("1000.00");
        // interest runs from the day after the due date at 12.00 % (Norges Bank's 2026-H1 rate + 8)
        assertThat(message.path("claim").path("interestRatePercent").decimalValue()).isEqualByComparingTo("12.00");
        assertThat(message.path("claim").path("interestFrom").asText()).isEqualTo("2026-02-27");
        // 62 days (02-27 … 04-29) × 1000.00 × 12 % / 365 = 7440 / 365 = 20.38
        assertThat(message.path("claim").path("interestAccrued").decimalValue()).isEqualByComparingTo("20.38");
        assertThat(message.path("claim").path("fees").decimalValue()).isEqualByComparingTo("76.00");
        List<String> notices = new ArrayList<>();
        message.path("notices").forEach(n -> notices.add(n.path("kind").asText() + " " + n.path("sendDate").asText()
                + " " + n.path("deadline").asText()));
        assertThat(notices).containsExactly("REMINDER 2026-03-05 2026-03-12", "PURRING 2026-03-13 2026-03-27",
                "PURRING 2026-03-30 2026-04-13", "INKASSOVARSEL 2026-04-14 2026-04-28");
        byte[] pdf = Base64.getDecoder().decode(message.path("inkassovarsel").path("content").asText());
        assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        // nothing half-written is left beside it
        try (var files = Files.list(file.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith(".part"));
        }

        // the fees went to income when their letters went out; the claim moved to the agency's account
        assertThat(postingLines()).containsExactly(
                "FEE 1500/3900 38.00", "FEE 1500/3900 38.00", "HANDOVER 1550/1500 1076.00");
    }

    @Test
    void aWithdrawalWithinTheWindowTakesTheClaimBackAtNoCostAndTheAgencyIsTold() {
        travelTo(LAST_DAY_OF_WINDOW);
        ResponseEntity<JsonNode> response = post("/api/invoices/INV-1/withdraw", Map.of("reason", "Debtor called"));
        assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(202);
        executeDueJobs();

        assertThat(instance).isEnded().hasPassed(DunningModel.TASK_WITHDRAW_COLLECTION,
                DunningModel.END_COLLECTION_WITHDRAWN);
        assertThat(caseOf().path("outcome").asText()).isEqualTo("WITHDRAWN");
        assertThat(caseOf().path("handover").path("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(caseOf().path("closingNote").asText()).contains("Debtor called", "withdrawn by " + ADMIN);
        assertThat(exportedTypes()).containsExactly("HANDOVER", "WITHDRAWAL");
        assertThat(postingLines()).endsWith("HANDOVER 1550/1500 1076.00", "WITHDRAWAL 1500/1550 1076.00");
        assertThat(postings.balance(postingSettings.accounts().receivableAtAgency(), "INV-1")).isEqualByComparingTo("0.00");
    }

    @Test
    void aWithdrawalAfterTheWindowIsRefusedAndChangesNothing() {
        travelTo(LAST_DAY_OF_WINDOW.plusDays(1));
        assertThat(instance).hasPassed(DunningModel.EVENT_WITHDRAWAL_WINDOW_ENDS)
                .isWaitingAt(DunningModel.GATEWAY_AGENCY_EVENTS);

        ResponseEntity<JsonNode> response = post("/api/invoices/INV-1/withdraw", Map.of("reason", "Too late"));

        assertThat(response.getStatusCode().value()).isEqualTo(409);
        assertThat(response.getBody().path("detail").asText()).contains("ended on 2026-05-09", AGENCY);
        assertThat(caseOf().path("handover").path("status").asText()).isEqualTo("SENT");
        assertThat(instance).isWaitingAt(DunningModel.GATEWAY_AGENCY_EVENTS);
    }

    @Test
    void aCreditControllerWithdrawsInTasklistWithAReason() {
        complete(task(), Map.of("decision", "WITHDRAW", "reason", "Agreed a payment plan"));

        assertThat(instance).isEnded().hasPassed(DunningModel.END_COLLECTION_WITHDRAWN);
        assertThat(caseOf().path("closingNote").asText()).isEqualTo("Agreed a payment plan - withdrawn by " + CONTROLLER);
    }

    @Test
    void aCreditNoteIsRefusedWhileTheAgencyHoldsTheClaimAndAllowedOnceItIsWithdrawn() {
        Map<String, String> creditNote = Map.of("amount", "200.00", "date", HANDOVER_DAY.toString(),
                "reason", "Damaged goods");
        ResponseEntity<JsonNode> refused = post("/api/invoices/INV-1/credit-notes", creditNote);
        assertThat(refused.getStatusCode().value()).isEqualTo(409);
        assertThat(refused.getBody().path("detail").asText()).contains("is with the collection agency " + AGENCY,
                "withdraw the collection first");
        assertThat(get("/api/invoices/INV-1").getBody().path("creditedAmount").decimalValue()).isEqualByComparingTo("0");

        complete(task(), Map.of("decision", "WITHDRAW", "reason", "Goods were damaged"));

        ResponseEntity<JsonNode> allowed = post("/api/invoices/INV-1/credit-notes", creditNote);
        assertThat(allowed.getStatusCode().value()).as("%s", allowed.getBody()).isEqualTo(201);
        assertThat(allowed.getBody().path("outstanding").decimalValue()).isEqualByComparingTo("800.00");
    }

    /**
     * The books of a whole case, from the first fee to the agency's last payment. The accounting system booked the
     * invoice (debit 1500, 1 000.00) and records no payment: the agency collected it all.
     * <ul>
     * <li>fees: 38 + 38 on 1500 / 3900</li>
     * <li>handover: 1 000.00 + 76.00 = 1 076.00 from 1500 to 1550</li>
     * <li>PARTLY_PAID 500.00: 1580 / 1550</li>
     * <li>PAID 588.50, of which interest 12.50: interest 1550 / 8050, then 588.50 1580 / 1550</li>
     * </ul>
     * 1500: 1 000.00 + 76.00 − 1 076.00 = 0.00. 1550: 1 076.00 − 500.00 + 12.50 − 588.50 = 0.00. The agency owes
     * 500.00 + 588.50 = 1 088.50 on 1580; income 76.00 fees and 12.50 interest.
     */
    @Test
    void theAgencysCallbacksRecordWhatItCollectedAndEndTheCaseWithBooksThatBalance() {
        travelTo(LAST_DAY_OF_WINDOW.plusDays(3));

        ResponseEntity<JsonNode> partly = callback(Map.of("callbackId", "cb-1", "invoiceNumber", "INV-1",
                "result", "PARTLY_PAID", "amount", "500.00", "currency", "NOK"));
        assertThat(partly.getStatusCode().value()).as("%s", partly.getBody()).isEqualTo(200);
        assertThat(partly.getBody().path("outstanding").decimalValue()).isEqualByComparingTo("500.00");
        assertThat(instance).isWaitingAt(DunningModel.GATEWAY_AGENCY_EVENTS);
        assertThat(tasks.createTaskQuery().processInstanceId(instance.getId()).count())
                .as("a payment the agency passes on asks nobody").isZero();

        // the same callback again (the agency missed our answer) is answered without recording it twice
        ResponseEntity<JsonNode> again = callback(Map.of("callbackId", "cb-1", "invoiceNumber", "INV-1",
                "result", "PARTLY_PAID", "amount", "500.00", "currency", "NOK"));
        assertThat(again.getStatusCode().value()).isEqualTo(200);
        assertThat(again.getBody().path("recordedNow").asBoolean()).isFalse();

        ResponseEntity<JsonNode> paid = callback(Map.of("callbackId", "cb-2", "invoiceNumber", "INV-1",
                "result", "PAID", "amount", "588.50", "interest", "12.50", "currency", "NOK"));
        assertThat(paid.getStatusCode().value()).as("%s", paid.getBody()).isEqualTo(200);

        assertThat(instance).isEnded().hasPassed(DunningModel.END_COLLECTED_BY_AGENCY);
        assertThat(caseOf().path("outcome").asText()).isEqualTo("COLLECTED");
        assertThat(caseOf().path("handover").path("status").asText()).isEqualTo("COLLECTED");
        JsonNode invoice = get("/api/invoices/INV-1").getBody();
        assertThat(invoice.path("paidAmount").decimalValue()).isEqualByComparingTo("1088.50");
        assertThat(postingLines()).containsExactly("FEE 1500/3900 38.00", "FEE 1500/3900 38.00",
                "HANDOVER 1550/1500 1076.00", "AGENCY_COLLECTED 1580/1550 500.00", "INTEREST 1550/8050 12.50",
                "AGENCY_COLLECTED 1580/1550 588.50");
        BigDecimal invoiceBookedByAccounting = new BigDecimal("1000.00");
        assertThat(invoiceBookedByAccounting.add(postings.balance("1500", "INV-1"))).isEqualByComparingTo("0.00");
        assertThat(postings.balance("1550", "INV-1")).isEqualByComparingTo("0.00");
        assertThat(postings.balance("1580", "INV-1")).isEqualByComparingTo("1088.50");
        assertThat(postings.balance("3900", "INV-1")).isEqualByComparingTo("-76.00");
        assertThat(postings.balance("8050", "INV-1")).isEqualByComparingTo("-12.50");
    }

    @Test
    void anAgencyThatClosesTheClaimUnpaidLeavesTheRestAsALoss() {
        travelTo(LAST_DAY_OF_WINDOW.plusDays(1));

        ResponseEntity<JsonNode> closed = callback(Map.of("callbackId", "cb-9", "invoiceNumber", "INV-1",
                "result", "CLOSED_UNPAID", "amount", "0.00", "note", "Debtor insolvent"));
        assertThat(closed.getStatusCode().value()).as("%s", closed.getBody()).isEqualTo(200);

        assertThat(instance).isEnded().hasPassed(DunningModel.END_CLOSED_UNPAID);
        assertThat(caseOf().path("outcome").asText()).isEqualTo("CLOSED_UNPAID");
        // everything the agency held (1 076.00) is a loss: 7830 / 1550
        assertThat(postingLines()).last().isEqualTo("WRITE_OFF 7830/1550 1076.00");
        assertThat(caseOf().path("closingNote").asText()).contains("Closed unpaid by " + AGENCY, "1076.00 NOK written off",
                "Debtor insolvent");
    }

    @Test
    void aCallbackWithoutTheAgencysSignatureIsRefusedAndWritesNothing() {
        byte[] body = json.valueToTree(Map.of("callbackId", "cb-x", "invoiceNumber", "INV-1", "result", "PAID",
                "amount", "1076.00")).toString().getBytes(StandardCharsets.UTF_8);
        HttpHeaders headers = signed(body, "the wrong secret");
        ResponseEntity<JsonNode> refused = http.exchange("/api/agency-callbacks", HttpMethod.POST,
                new HttpEntity<>(body, headers), JsonNode.class);

        assertThat(refused.getStatusCode().value()).isEqualTo(401);
        assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(jdbc.sql("select count(*) from agency_callback").query(Long.class).single()).isZero();
        assertThat(get("/api/invoices/INV-1").getBody().path("paidAmount").decimalValue()).isEqualByComparingTo("0");

        ResponseEntity<JsonNode> unknownResult = callback(Map.of("callbackId", "cb-y", "invoiceNumber", "INV-1",
                "result", "MAYBE", "amount", "1.00"));
        assertThat(unknownResult.getStatusCode().value()).isEqualTo(400);
        ResponseEntity<JsonNode> tooMuchInterest = callback(Map.of("callbackId", "cb-z", "invoiceNumber", "INV-1",
                "result", "PARTLY_PAID", "amount", "10.00", "interest", "11.00"));
        assertThat(tooMuchInterest.getStatusCode().value()).isEqualTo(422);
        assertThat(tooMuchInterest.getBody().path("errors").get(0).path("field").asText()).isEqualTo("interest");
        assertThat(jdbc.sql("select count(*) from agency_callback").query(Long.class).single()).isZero();
    }

    @Test
    void aPaymentToTheCreditorAfterHandoverCanEndTheCollection() {
        travelTo(LAST_DAY_OF_WINDOW.plusDays(2));
        pay("P-9", "1076.00");

        assertThat(instance).isWaitingAt(DunningModel.TASK_DECIDE_PAYMENT);
        assertThat(runtime.getVariable(instance.getId(), "paymentAfterHandover"))
                .isEqualTo("1076.00 NOK; outstanding now -76.00 NOK");
        assertThat(task().getName()).isEqualTo("Decide on a payment after handover: INV-1 (Customer NO-1)");
        complete(task(), Map.of("decision", "END_COLLECTION", "note", "Paid in full at the counter"));

        assertThat(instance).isEnded().hasPassed(DunningModel.TASK_END_COLLECTION, DunningModel.END_PAID_AFTER_HANDOVER);
        assertThat(caseOf().path("outcome").asText()).isEqualTo("PAID");
        assertThat(caseOf().path("handover").path("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(exportedTypes()).containsExactly("HANDOVER", "COLLECTION_ENDED");
        // the accounting system booked the 1 076.00 against 1500: it comes back from the agency's account
        // 1500: 1 000.00 (invoice) − 1 076.00 (payment) + 76.00 (fees) − 1 076.00 (handover) + 1 076.00 = 0.00
        assertThat(postingLines()).last().isEqualTo("COLLECTION_PAYMENT 1500/1550 1076.00");
        assertThat(new BigDecimal("1000.00").subtract(new BigDecimal("1076.00")).add(postings.balance("1500", "INV-1")))
                .isEqualByComparingTo("0.00");
        assertThat(postings.balance("1550", "INV-1")).isEqualByComparingTo("0.00");
    }

    /**
     * The debtor pays the principal, 1 000.00, and not the fees; the creditor ends the collection. The case is paid as
     * before a handover, and the fees the creditor no longer pursues are written off. 1500: 1 000.00 (invoice) −
     * 1 000.00 (payment) + 76.00 (fees) − 1 076.00 (handover) + 1 000.00 (back from the agency with the payment) +
     * 76.00 (the rest back) − 76.00 (written off) = 0.00.
     */
    @Test
    void endingTheCollectionAfterThePrincipalIsPaidWritesOffTheFeesLeft() {
        travelTo(LAST_DAY_OF_WINDOW.plusDays(2));
        pay("P-9", "1000.00");
        complete(task(), Map.of("decision", "END_COLLECTION"));

        assertThat(caseOf().path("outcome").asText()).isEqualTo("PAID");
        assertThat(postingLines()).endsWith("COLLECTION_PAYMENT 1500/1550 1000.00", "WITHDRAWAL 1500/1550 76.00",
                "WRITE_OFF 7830/1500 76.00");
        assertThat(new BigDecimal("1000.00").subtract(new BigDecimal("1000.00")).add(postings.balance("1500", "INV-1")))
                .isEqualByComparingTo("0.00");
        assertThat(postings.balance("1550", "INV-1")).isEqualByComparingTo("0.00");
    }

    /** The creditor took the claim back, and the debtor had meanwhile paid the agency 300.00: it is still recorded. */
    @Test
    void moneyTheAgencyCollectedAfterTheClaimWasTakenBackIsStillRecorded() {
        complete(task(), Map.of("decision", "WITHDRAW", "reason", "Payment plan agreed"));

        ResponseEntity<JsonNode> late = callback(Map.of("callbackId", "cb-late", "invoiceNumber", "INV-1",
                "result", "PARTLY_PAID", "amount", "300.00"));

        assertThat(late.getStatusCode().value()).as("%s", late.getBody()).isEqualTo(200);
        assertThat(late.getBody().path("outstanding").decimalValue()).isEqualByComparingTo("700.00");
        // the claim is back on the receivable: the agency owes the 300.00 from there (1580 / 1500)
        assertThat(postingLines()).last().isEqualTo("AGENCY_COLLECTED 1580/1500 300.00");
        assertThat(caseOf().path("outcome").asText()).isEqualTo("WITHDRAWN");
        ResponseEntity<JsonNode> nothing = callback(Map.of("callbackId", "cb-late-2", "invoiceNumber", "INV-1",
                "result", "CLOSED_UNPAID", "amount", "0.00"));
        assertThat(nothing.getStatusCode().value()).isEqualTo(409);
    }

    @Test
    void aPaymentToTheCreditorAfterHandoverCanLeaveTheRestToTheAgency() throws Exception {
        travelTo(LAST_DAY_OF_WINDOW.plusDays(2));
        pay("P-9", "300.00");
        complete(task(), Map.of("decision", "LET_AGENCY_COLLECT"));

        assertThat(instance).hasPassed(DunningModel.TASK_REPORT_PAYMENT)
                .isWaitingAt(DunningModel.GATEWAY_AGENCY_EVENTS);
        assertThat(caseOf().path("handover").path("status").asText()).isEqualTo("SENT");
        List<AgencyExports.Batch> batches = exports.exportNow();
        assertThat(batches).hasSize(1);
        assertThat(exportedTypes()).containsExactly("HANDOVER", "PAYMENT_RECEIVED");
        JsonNode told = json.readTree(jdbc.sql("select payload from agency_export_message where type = 'PAYMENT_RECEIVED'")
                .query(String.class).single());
        assertThat(told.path("payment").path("amount").decimalValue()).isEqualByComparingTo("300.00");
        // 1 076.00 − 300.00 is left with the agency
        assertThat(postings.balance("1550", "INV-1")).isEqualByComparingTo("776.00");
    }

    // ---- helpers

    private ResponseEntity<JsonNode> callback(Map<String, String> fields) {
        byte[] body = json.valueToTree(fields).toString().getBytes(StandardCharsets.UTF_8);
        return http.exchange("/api/agency-callbacks", HttpMethod.POST, new HttpEntity<>(body, signed(body, SECRET)),
                JsonNode.class);
    }

    private HttpHeaders signed(byte[] body, String secret) {
        String timestamp = String.valueOf(timeTravel.now().toEpochSecond());
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("X-Purreflyt-Agency", AGENCY);
        headers.set("X-Purreflyt-Timestamp", timestamp);
        headers.set("X-Purreflyt-Signature", HmacSignatures.sign(secret, timestamp, body));
        return headers;
    }

    /** The postings of the invoice as "TYPE debit/credit amount", in order. */
    private List<String> postingLines() {
        return postings.ofInvoice("INV-1").stream().map(p -> p.type() + " " + p.debitAccount() + "/" + p.creditAccount()
                + " " + p.amount().toPlainString()).toList();
    }

    /** The types of every message written for the agency so far, oldest first. */
    private List<String> exportedTypes() {
        exports.exportNow();
        return jdbc.sql("select type from agency_export_message where invoice_number = 'INV-1' order by id")
                .query(String.class).list();
    }
}

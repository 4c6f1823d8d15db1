package no.purreflyt.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.purreflyt.support.IntegrationTest;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Every path through dunning.bpmn, with the real delegates, services and PostgreSQL. Payments, credit notes, disputes
 * and blocks arrive through the REST API as an accounting system sends them; the business clock moves and the due
 * jobs run as the job executor would run them; credit controllers complete their tasks.
 *
 * <p>The test plan (application-test.yaml): free reminder day 7 (deadline 7 days), purring day 14 (14 days, reviewed),
 * purring (14 days), inkassovarsel (14 days, reviewed), handover (approved). The invoice: 1 000.00 NOK from a Norwegian
 * consumer, due Thursday 2026-02-26; the case opens on Monday 2026-03-02 (overdue by more than the 3 grace days).
 * Its timeline, worked out by hand (2026: R = 750, fee 1/20 × 750 = 37.50, rounded to whole kroner = 38; interest
 * 12.00 % a year, 365 days):
 * <ul>
 * <li>reminder: day 7 = Thu 03-05; deadline 03-12</li>
 * <li>purring 1: day 14 = 03-12, but not before the reminder's deadline has passed: Fri 03-13; deadline 03-27; fee 38</li>
 * <li>purring 2: after the first fee's deadline: Sat 03-28 → Mon 03-30; deadline 04-13; fee 38 (second fee, § 1-3)</li>
 * <li>inkassovarsel: Tue 04-14; deadline 04-28; a third fee is refused by § 1-3, so it carries none</li>
 * <li>handover: after the last deadline, Wed 04-29</li>
 * </ul>
 */
class DunningProcessIT extends CaseIntegrationTest {

    static final LocalDate DUE = LocalDate.of(2026, 2, 26);
    static final LocalDate REMINDER_DAY = LocalDate.of(2026, 3, 5);
    static final LocalDate PURRING_1_DAY = LocalDate.of(2026, 3, 13);
    static final LocalDate PURRING_2_DAY = LocalDate.of(2026, 3, 30);
    static final LocalDate INKASSOVARSEL_DAY = LocalDate.of(2026, 4, 14);
    static final LocalDate HANDOVER_DAY = LocalDate.of(2026, 4, 29);

    @BeforeEach
    void anOpenCase() {
        init(engine);
        customer("NO-1", "CONSUMER", "NO");
        invoice("INV-1", "NO-1", DUE, "1000.00", "NOK");
        post("/api/dunning-runs", null);
        executeDueJobs();
        instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey("INV-1").singleResult();
    }

    @AfterEach
    void nobodyLoggedIn() {
        identity.clearAuthentication();
    }

    @Test
    void aNewCaseWaitsForItsFirstReminderWithTheFactsAManagerSearchesFor() {
        assertThat(instance).isWaitingAt(DunningModel.EVENT_REMINDER_DUE);
        assertThat(instance).hasBusinessKey("INV-1")
                .variables().containsEntry("invoiceNumber", "INV-1")
                .containsEntry("customer", "Customer NO-1")
                .containsEntry("customerExternalId", "NO-1")
                .containsEntry("outstanding", "1000.00")
                .containsEntry("currency", "NOK")
                .containsEntry("stage", "OVERDUE")
                .containsEntry("nextStep", "REMINDER")
                .containsKey("caseId");
        // the timer waits for the reminder's business day at the configured time of day (11:00 Oslo)
        assertThat(timerDue()).isEqualTo("2026-03-05T11:00+01:00[Europe/Oslo]");
        JsonNode dunningCase = caseOf();
        assertThat(dunningCase.path("status").asText()).isEqualTo("OPEN");
        assertThat(dunningCase.path("stage").asText()).isEqualTo("OVERDUE");
        assertThat(dunningCase.path("processInstanceId").asText()).isEqualTo(instance.getId());
    }

    @Test
    void theFullPathSendsEveryNoticeOnItsDayAndHandsTheCaseOverAfterApproval() {
        travelTo(REMINDER_DAY.minusDays(1));
        assertThat(notices()).isEmpty();

        travelTo(REMINDER_DAY);
        assertThat(notices()).containsExactly("REMINDER 1 2026-03-05 2026-03-12 0.00 DELIVERED");
        assertThat(instance).isWaitingAt(DunningModel.EVENT_PURRING_DUE);
        assertThat(caseOf().path("stage").asText()).isEqualTo("REMINDER");

        travelTo(PURRING_1_DAY);
        assertThat(instance).isWaitingAt(DunningModel.TASK_REVIEW_PURRING);
        Task review = task();
        assertThat(review.getName()).isEqualTo("Review purring: INV-1 (Customer NO-1)");
        assertThat(review.getDueDate()).isNotNull();
        // 1000.00 × 12 % × 15 days (02-27 … 03-13) / 365 = 1800 / 365 = 4.93; total 1000.00 + 4.93 + 38 = 1042.93
        assertThat(runtime.getVariable(instance.getId(), "noticeSummary")).isEqualTo("Purring no. 1 of 2026-03-13: "
                + "principal 1000.00, interest 4.93, fees 38.00, total 1042.93 NOK, deadline 2026-03-27");
        complete(review, Map.of("decision", "SEND"));
        assertThat(notices()).last().isEqualTo("PURRING 1 2026-03-13 2026-03-27 38.00 DELIVERED");

        travelTo(PURRING_2_DAY);
        // 32 days (02-27 … 03-30) × 1000.00 × 12 % / 365 = 3840 / 365 = 10.52; 1000.00 + 10.52 + 38 + 38 = 1086.52
        JsonNode purring2 = caseOf().path("notices").get(2);
        assertThat(purring2.path("interest").decimalValue()).isEqualByComparingTo("10.52");
        assertThat(purring2.path("earlierFees").decimalValue()).isEqualByComparingTo("38.00");
        assertThat(purring2.path("total").decimalValue()).isEqualByComparingTo("1086.52");

        travelTo(INKASSOVARSEL_DAY);
        assertThat(instance).isWaitingAt(DunningModel.TASK_REVIEW_INKASSOVARSEL);
        complete(task(), Map.of("decision", "SEND"));

        travelTo(HANDOVER_DAY.minusDays(1));
        assertThat(instance).isWaitingAt(DunningModel.EVENT_HANDOVER_DUE);
        travelTo(HANDOVER_DAY);
        assertThat(instance).isWaitingAt(DunningModel.TASK_APPROVE_HANDOVER);
        complete(task(), Map.of("decision", "APPROVE"));
        executeDueJobs();

        assertThat(notices()).containsExactly(
                "REMINDER 1 2026-03-05 2026-03-12 0.00 DELIVERED",
                "PURRING 1 2026-03-13 2026-03-27 38.00 DELIVERED",
                "PURRING 2 2026-03-30 2026-04-13 38.00 DELIVERED",
                "INKASSOVARSEL 1 2026-04-14 2026-04-28 0.00 DELIVERED");
        assertThat(caseOf().path("notices").get(3).path("feeRule").asText()).isEqualTo("inkassoforskriften § 1-3");
        // the inkassovarsel charges no fee of its own (two per claim): its letter names both purring fees by their
        // letters' dates, and no line as its own fee
        String inkassovarsel = as(CONTROLLER).getForObject("/api/notices/"
                + caseOf().path("notices").get(3).path("id").asLong() + "/html", String.class);
        assertThat(inkassovarsel).contains("Gebyr, brev av 13.03.2026", "Gebyr, brev av 30.03.2026")
                .doesNotContain("Gebyr for inkassovarsel");
        // the free reminder and the purringer by e-mail; the inkassovarsel by post, as the delivery setting has it
        List<String> channels = new ArrayList<>();
        caseOf().path("notices").forEach(n -> channels.add(n.path("channel").asText()));
        assertThat(channels).containsExactly("EMAIL", "EMAIL", "EMAIL", "POST");
        // the agency has the claim now; the case follows it there (CollectionIT)
        assertThat(instance).isWaitingAt(DunningModel.TASK_WITHDRAWAL_WINDOW).hasPassedInOrder(
                DunningModel.TASK_DELIVER_REMINDER, DunningModel.TASK_DELIVER_PURRING,
                DunningModel.TASK_DELIVER_INKASSOVARSEL, DunningModel.TASK_HAND_OVER);
        assertThat(caseOf().path("status").asText()).isEqualTo("OPEN");
        assertThat(caseOf().path("stage").asText()).isEqualTo("HANDED_OVER");
        assertThat(jdbc.sql("select principal from handover").query(java.math.BigDecimal.class).single())
                .isEqualByComparingTo("1000.00");
    }

    @Test
    void paymentAfterTheReminderEndsTheCaseAsPaid() {
        travelTo(REMINDER_DAY);

        pay("P-1", "1000.00");

        assertThat(instance).isEnded().hasPassed(DunningModel.END_PAID);
        assertThat(caseOf().path("outcome").asText()).isEqualTo("PAID");
        assertThat(notices()).hasSize(1);
    }

    @Test
    void aPartPaymentWhileAPurringAwaitsReviewIsOnThePurringThatGoesOut() {
        travelTo(REMINDER_DAY);
        travelTo(PURRING_1_DAY);
        assertThat(instance).isWaitingAt(DunningModel.TASK_REVIEW_PURRING);
        assertThat(caseOf().path("notices").get(1).path("principal").decimalValue()).isEqualByComparingTo("1000.00");

        pay("P-1", "400.00");
        complete(task(), Map.of("decision", "SEND"));

        // prepared on 1 000.00; 400.00 paid before it went out: the purring states 600.00, with its fee of 38.00
        JsonNode purring = caseOf().path("notices").get(1);
        assertThat(purring.path("status").asText()).isEqualTo("DELIVERED");
        assertThat(purring.path("principal").decimalValue()).isEqualByComparingTo("600.00");
        assertThat(purring.path("fee").decimalValue()).isEqualByComparingTo("38.00");
        assertThat(purring.path("total").decimalValue()).isEqualByComparingTo(new java.math.BigDecimal("638.00")
                .add(purring.path("interest").decimalValue()));
        String letter = as(CONTROLLER).getForObject("/api/notices/" + purring.path("id").asLong() + "/html", String.class);
        assertThat(letter.replace('\u00a0', ' ')).contains("600,00").doesNotContain("1 000,00");
        assertThat(instance).isWaitingAt(DunningModel.EVENT_PURRING_DUE);
    }

    @Test
    void paymentWhileAPurringAwaitsReviewEndsTheCaseAndTheReviewTaskGoes() {
        travelTo(REMINDER_DAY);
        travelTo(PURRING_1_DAY);
        assertThat(instance).isWaitingAt(DunningModel.TASK_REVIEW_PURRING);

        pay("P-1", "1000.00");

        assertThat(instance).isEnded().hasPassed(DunningModel.END_PAID);
        assertThat(tasks.createTaskQuery().count()).isZero();
        // the purring was prepared but never sent: it stays a prepared record of what would have gone out
        assertThat(notices()).containsExactly("REMINDER 1 2026-03-05 2026-03-12 0.00 DELIVERED",
                "PURRING 1 2026-03-13 2026-03-27 38.00 PREPARED");
    }

    @Test
    void paymentOfThePrincipalAndTheFeeAfterThePurringEndsTheCaseAsPaid() {
        travelTo(REMINDER_DAY);
        travelTo(PURRING_1_DAY);
        complete(task(), Map.of("decision", "SEND"));

        // 1 000.00 principal + the purring's 38.00 fee
        pay("P-1", "1038.00");

        assertThat(instance).isEnded().hasPassed(DunningModel.TASK_DELIVER_PURRING, DunningModel.END_PAID);
        assertThat(caseOf().path("outcome").asText()).isEqualTo("PAID");
        assertThat(caseOf().path("closingNote").asText()).startsWith("Paid, with 38.00 NOK of fees and interest");
    }

    @Test
    void thePrincipalAlonePaidAfterAFeeLeavesTheCaseOpenUntilTheFeeIsPaidToo() {
        // the test plan does not accept payment without fee
        travelTo(REMINDER_DAY);
        travelTo(PURRING_1_DAY);
        complete(task(), Map.of("decision", "SEND"));

        pay("P-1", "1000.00");

        assertThat(instance).isNotEnded();
        assertThat(caseOf().path("status").asText()).isEqualTo("OPEN");

        pay("P-2", "38.00");

        assertThat(instance).isEnded().hasPassed(DunningModel.END_PAID);
        assertThat(caseOf().path("outcome").asText()).isEqualTo("PAID");
        assertThat(caseOf().path("writtenOff").isMissingNode()).isTrue();
    }

    @Test
    void paymentAfterTheInkassovarselEndsTheCaseAsPaidBeforeTheHandover() {
        travelTo(REMINDER_DAY);
        travelTo(PURRING_1_DAY);
        complete(task(), Map.of("decision", "SEND"));
        travelTo(PURRING_2_DAY);
        travelTo(INKASSOVARSEL_DAY);
        complete(task(), Map.of("decision", "SEND"));

        // principal and the two purring fees (the inkassovarsel carried none)
        pay("P-1", "1076.00");
        travelTo(HANDOVER_DAY);

        assertThat(instance).isEnded().hasPassed(DunningModel.TASK_DELIVER_INKASSOVARSEL, DunningModel.END_PAID)
                .hasNotPassed(DunningModel.TASK_HAND_OVER);
        assertThat(notices()).hasSize(4);
    }

    @Test
    void aCreditNoteToZeroEndsTheCaseAsCredited() {
        pay("P-1", "250.00");

        post("/api/invoices/INV-1/credit-notes", Map.of("amount", "750.00", "date", TODAY.toString(), "reason", "Goods returned"));

        assertThat(instance).isEnded().hasPassed(DunningModel.END_CREDITED).hasNotPassed(DunningModel.END_PAID);
        assertThat(caseOf().path("outcome").asText()).isEqualTo("CREDITED");
    }

    @Test
    void aPartialPaymentLowersTheClaimAndTheCaseGoesOnUntilPaidInFull() {
        pay("P-1", "400.00");

        assertThat(instance).isWaitingAt(DunningModel.EVENT_REMINDER_DUE);
        assertThat(runtime.getVariable(instance.getId(), "outstanding")).isEqualTo("600.00");
        travelTo(REMINDER_DAY);
        travelTo(PURRING_1_DAY);
        // paid 03-02: 1000.00 accrues 4 days (02-27 … 03-02), 600.00 the 11 days 03-03 … 03-13:
        // (4 × 1000 + 11 × 600) × 12 % / 365 = 10600 × 0.12 / 365 = 1272 / 365 = 3.48; 600.00 + 3.48 + 38 = 641.48
        assertThat(runtime.getVariable(instance.getId(), "noticeSummary")).asString()
                .contains("principal 600.00, interest 3.48, fees 38.00, total 641.48 NOK");

        pay("P-2", "600.00");

        assertThat(instance).isEnded().hasPassed(DunningModel.END_PAID);
    }

    @Test
    void aDisputeStopsTheCaseAndResumingSendsTheNextNoticeWithoutRepeatingOne() {
        travelTo(REMINDER_DAY);
        travelTo(PURRING_1_DAY);
        complete(task(), Map.of("decision", "SEND"));

        ResponseEntity<JsonNode> raised = post("/api/invoices/INV-1/disputes", Map.of("reason", "Goods never arrived"));

        assertThat(raised.getStatusCode().value()).isEqualTo(201);
        assertThat(instance).isWaitingAt(DunningModel.TASK_RESOLVE_DISPUTE);
        assertThat(caseOf().path("stage").asText()).isEqualTo("DISPUTED");
        assertThat(caseOf().path("openDispute").path("reason").asText()).isEqualTo("Goods never arrived");
        assertThat(runtime.getVariable(instance.getId(), "disputeReason")).isEqualTo("Goods never arrived");
        // while the dispute is open nothing more is sent, however much time passes
        travelTo(PURRING_2_DAY.plusDays(5));
        assertThat(notices()).hasSize(2);
        assertThat(post("/api/invoices/INV-1/disputes", Map.of("reason", "again")).getStatusCode().value()).isEqualTo(409);

        complete(task(), Map.of("resolution", "RESUME", "note", "Delivery confirmed by the carrier"));
        // resumed on Saturday 04-04: the second purring is overdue, but 04-05 is Easter Sunday and 04-06 Easter Monday,
        // so it goes out Tuesday 04-07, deadline 04-21
        assertThat(instance).isWaitingAt(DunningModel.EVENT_PURRING_DUE);
        travelTo(LocalDate.of(2026, 4, 7));

        // the second purring follows the first; the reminder and the first purring are not sent again
        assertThat(notices()).containsExactly(
                "REMINDER 1 2026-03-05 2026-03-12 0.00 DELIVERED",
                "PURRING 1 2026-03-13 2026-03-27 38.00 DELIVERED",
                "PURRING 2 2026-04-07 2026-04-21 38.00 DELIVERED");
        assertThat(caseOf().path("openDispute").isMissingNode()).isTrue();
        // the forecast shows the steps taken as they happened and plans the rest from there
        JsonNode steps = get("/api/invoices/INV-1/forecast").getBody().path("steps");
        assertThat(steps.get(1).path("taken").asBoolean()).isTrue();
        assertThat(steps.get(2).path("date").asText()).isEqualTo("2026-04-07");
        assertThat(steps.get(3).path("taken").asBoolean()).isFalse();
        // inkassovarsel after purring 2's deadline 04-21: Wed 04-22
        assertThat(steps.get(3).path("date").asText()).isEqualTo("2026-04-22");
    }

    @Test
    void anInvoiceDisputedBeforeItsCaseOpensGoesStraightToResolveDispute() {
        invoice("INV-2", "NO-1", DUE, "500.00", "NOK");
        post("/api/invoices/INV-2/disputes", Map.of("reason", "Never ordered"));

        post("/api/dunning-runs", null);
        executeDueJobs();

        ProcessInstance disputed = runtime.createProcessInstanceQuery().processInstanceBusinessKey("INV-2").singleResult();
        assertThat(disputed).isWaitingAt(DunningModel.TASK_RESOLVE_DISPUTE);
        assertThat(runtime.getVariable(disputed.getId(), "disputeReason")).isEqualTo("Never ordered");
        assertThat(get("/api/invoices/INV-2/case").getBody().path("stage").asText()).isEqualTo("DISPUTED");
    }

    @Test
    void aDisputeClosedWithACreditNoteCreditsTheOutstandingAmountAndEndsAsCredited() {
        travelTo(REMINDER_DAY);
        post("/api/invoices/INV-1/disputes", Map.of("reason", "Wrong price"));

        complete(task(), Map.of("resolution", "CLOSE_WITH_CREDIT", "note", "Price was wrong"));

        assertThat(instance).isEnded().hasPassed(DunningModel.TASK_CREDIT_INVOICE, DunningModel.END_CREDITED_AFTER_DISPUTE);
        assertThat(get("/api/invoices/INV-1").getBody().path("outstanding").decimalValue()).isEqualByComparingTo("0.00");
        JsonNode closed = caseOf();
        assertThat(closed.path("outcome").asText()).isEqualTo("CREDITED");
        assertThat(closed.path("closingNote").asText()).isEqualTo("Dispute: Price was wrong");
    }

    @Test
    void aDisputeClosedWithoutCreditEndsTheCaseAsCancelled() {
        post("/api/invoices/INV-1/disputes", Map.of("reason", "Settled by phone"));

        complete(task(), Map.of("resolution", "CLOSE", "note", "Agreed a discount outside Purreflyt"));

        assertThat(instance).isEnded().hasPassed(DunningModel.END_CANCELLED);
        assertThat(caseOf().path("outcome").asText()).isEqualTo("CANCELLED");
    }

    @Test
    void aBlockedCustomerPausesTheCaseUntilTheBlockIsLifted() {
        travelTo(REMINDER_DAY);

        patchCustomer(Map.of("dunningBlock", Map.of("blocked", true, "reason", "Bankruptcy check")));

        assertThat(instance).isWaitingAt(DunningModel.EVENT_BLOCK_LIFTED);
        assertThat(caseOf().path("stage").asText()).isEqualTo("BLOCKED");
        travelTo(PURRING_1_DAY.plusDays(10));
        assertThat(notices()).hasSize(1);

        patchCustomer(Map.of("dunningBlock", Map.of("blocked", false)));
        executeDueJobs();

        // resumed on Monday 03-23: the purring goes out today (day 14 and the reminder's deadline are long past);
        // its deadline 03-23 + 14 = 04-06 is Easter Monday, so Tuesday 04-07
        assertThat(instance).isWaitingAt(DunningModel.TASK_REVIEW_PURRING);
        complete(task(), Map.of("decision", "SEND"));
        assertThat(notices()).containsExactly("REMINDER 1 2026-03-05 2026-03-12 0.00 DELIVERED",
                "PURRING 1 2026-03-23 2026-04-07 38.00 DELIVERED");
    }

    @Test
    void aBlockWithAnEndDateResumesTheCaseTheDayAfterIt() {
        patchCustomer(Map.of("dunningBlock", Map.of("blocked", true, "reason", "Payment plan agreed", "until", "2026-03-20")));

        assertThat(instance).isWaitingAt(DunningModel.GATEWAY_AWAIT_UNBLOCK);
        travelTo(LocalDate.of(2026, 3, 20));
        assertThat(notices()).isEmpty();

        // the block's last day is 03-20: the case resumes on Saturday 03-21 at 11:00, and the reminder it owes since
        // 03-05 goes out on the next business day, Monday 03-23, deadline 03-30
        travelTo(LocalDate.of(2026, 3, 21));
        assertThat(instance).isWaitingAt(DunningModel.EVENT_REMINDER_DUE);
        travelTo(LocalDate.of(2026, 3, 23));

        assertThat(notices()).containsExactly("REMINDER 1 2026-03-23 2026-03-30 0.00 DELIVERED");
    }

    @Test
    void reviewSendWithoutFeeWaivesThePurringsFeeAndTheNextPurringChargesTheFirstFee() {
        travelTo(REMINDER_DAY);
        travelTo(PURRING_1_DAY);

        complete(task(), Map.of("decision", "SEND_WITHOUT_FEE", "note", "Good customer"));

        JsonNode purring = caseOf().path("notices").get(1);
        assertThat(purring.path("fee").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(purring.path("feeWaived").asBoolean()).isTrue();
        // 1000.00 + 4.93 interest, no fee
        assertThat(purring.path("total").decimalValue()).isEqualByComparingTo("1004.93");
        assertThat(purring.path("reviewedBy").asText()).isEqualTo(CONTROLLER);
        // the letter the debtor got says so: written again without the fee line
        String letter = as(CONTROLLER).getForObject("/api/notices/" + purring.path("id").asLong() + "/html", String.class);
        assertThat(letter).contains("Gebyret for dette brevet er frafalt.", "1\u00a0004,93 NOK").doesNotContain("Purregebyr");
        travelTo(PURRING_2_DAY);
        assertThat(notices()).last().isEqualTo("PURRING 2 2026-03-30 2026-04-13 38.00 DELIVERED");
    }

    @Test
    void reviewPostponeWaitsAndPreparesTheNoticeAgainWithTheDaysInterest() {
        travelTo(REMINDER_DAY);
        travelTo(PURRING_1_DAY);

        complete(task(), Map.of("decision", "POSTPONE", "postponeUntil", "2026-03-18"));

        assertThat(instance).isWaitingAt(DunningModel.EVENT_PURRING_POSTPONED);
        travelTo(LocalDate.of(2026, 3, 18));
        assertThat(instance).isWaitingAt(DunningModel.TASK_REVIEW_PURRING);
        // 20 days (02-27 … 03-18) × 1000.00 × 12 % / 365 = 2400 / 365 = 6.58; deadline 03-18 + 14 = 04-01
        assertThat(runtime.getVariable(instance.getId(), "noticeSummary")).asString()
                .startsWith("Purring no. 1 of 2026-03-18: principal 1000.00, interest 6.58, fees 38.00, total 1044.58 NOK, deadline 2026-04-01");
    }

    @Test
    void reviewStopCancelsTheNoticeAndEndsTheCase() {
        travelTo(REMINDER_DAY);
        travelTo(PURRING_1_DAY);

        complete(task(), Map.of("decision", "STOP", "note", "Customer in hospital"));

        assertThat(instance).isEnded().hasPassed(DunningModel.END_STOPPED_BY_REVIEW);
        assertThat(notices()).last().isEqualTo("PURRING 1 2026-03-13 2026-03-27 38.00 CANCELLED");
        assertThat(caseOf().path("outcome").asText()).isEqualTo("CANCELLED");
        assertThat(caseOf().path("closingNote").asText()).isEqualTo("Customer in hospital");
    }

    @Test
    void aReviewWithoutADecisionOrWithAPastDateIsRefusedAndTheTaskStays() {
        travelTo(REMINDER_DAY);
        travelTo(PURRING_1_DAY);
        Task review = task();

        // Tasklist shows the engine's answer: the listener's sentence inside Camunda's wrapping (ENGINE-03051)
        assertThatThrownBy(() -> complete(review, Map.of())).isInstanceOf(ProcessEngineException.class)
                .hasRootCauseInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("Decision is required");
        assertThatThrownBy(() -> complete(review, Map.of("decision", "MAYBE"))).hasMessageContaining("is not one of");
        assertThatThrownBy(() -> complete(review, Map.of("decision", "POSTPONE", "postponeUntil", "2026-03-01")))
                .hasMessageContaining("must be after today");

        assertThat(instance).isWaitingAt(DunningModel.TASK_REVIEW_PURRING);
        assertThat(notices()).last().isEqualTo("PURRING 1 2026-03-13 2026-03-27 38.00 PREPARED");
    }

    @Test
    void aHandoverHeldWaitsUntilTheDateAndIsThenApproved() {
        driveToHandoverApproval();

        complete(task(), Map.of("decision", "HOLD", "holdUntil", "2026-05-06"));

        assertThat(instance).isWaitingAt(DunningModel.EVENT_HANDOVER_HELD);
        travelTo(LocalDate.of(2026, 5, 6));
        assertThat(instance).isWaitingAt(DunningModel.TASK_APPROVE_HANDOVER);
        complete(task(), Map.of("decision", "APPROVE"));
        executeDueJobs();
        assertThat(instance).hasPassed(DunningModel.EVENT_HANDOVER_HELD, DunningModel.TASK_HAND_OVER)
                .isWaitingAt(DunningModel.TASK_WITHDRAWAL_WINDOW);
    }

    @Test
    void aHandoverWrittenOffEndsTheCaseWithTheReason() {
        driveToHandoverApproval();

        complete(task(), Map.of("decision", "WRITE_OFF", "reason", "Debtor deceased, estate empty"));

        assertThat(instance).isEnded().hasPassed(DunningModel.END_WRITTEN_OFF).hasNotPassed(DunningModel.TASK_HAND_OVER);
        JsonNode closed = caseOf();
        assertThat(closed.path("outcome").asText()).isEqualTo("WRITTEN_OFF");
        assertThat(closed.path("closingNote").asText()).startsWith("Debtor deceased, estate empty");
    }

    @Test
    void aDebtorWithoutAnyAddressGoesToFixContactDataAndTheNoticeIsSentOnceItIsFixed() {
        patchCustomer("{\"email\": null, \"address\": null}");

        travelTo(REMINDER_DAY);

        assertThat(instance).isWaitingAt(DunningModel.TASK_FIX_CONTACT_DATA);
        assertThat(caseOf().path("stage").asText()).isEqualTo("CONTACT_DATA_MISSING");
        Task fix = task();
        assertThat(fix.getName()).isEqualTo("Fix contact data: INV-1 (Customer NO-1)");
        assertThatThrownBy(() -> complete(fix, Map.of("city", "Oslo"))).hasMessageContaining("still cannot be reached");
        complete(fix, Map.of("email", "kari@example.no"));
        executeDueJobs();

        assertThat(get("/api/customers/NO-1").getBody().path("email").asText()).isEqualTo("kari@example.no");
        assertThat(notices()).containsExactly("REMINDER 1 2026-03-05 2026-03-12 0.00 DELIVERED");
        assertThat(instance).isWaitingAt(DunningModel.EVENT_PURRING_DUE);
    }

    @Test
    void anInkassovarselGoesByPostUnlessEmailIsSwitchedOnWhichShowsTheSection3aCondition() throws Exception {
        travelTo(REMINDER_DAY);
        travelTo(PURRING_1_DAY);
        complete(task(), Map.of("decision", "SEND"));
        travelTo(PURRING_2_DAY);
        ResponseEntity<JsonNode> switched = send(ADMIN, HttpMethod.PUT, "/api/settings/delivery",
                MediaType.APPLICATION_JSON, Map.of("inkassovarselByEmail", true));

        assertThat(switched.getStatusCode().value()).isEqualTo(200);
        assertThat(switched.getBody().path("warnings").get(0).asText()).contains("§ 3a", "betryggende måte");
        assertThat(get("/api/settings/delivery").getBody().path("inkassovarselByEmail").asBoolean()).isTrue();
        travelTo(INKASSOVARSEL_DAY);
        complete(task(), Map.of("decision", "SEND"));

        assertThat(caseOf().path("notices").get(3).path("channel").asText()).isEqualTo("EMAIL");
        jakarta.mail.internet.MimeMessage[] mails = no.purreflyt.support.TestMail.received();
        assertThat(mails).hasSize(4);
        assertThat(mails[3].getSubject()).isEqualTo("Inkassovarsel – faktura INV-1");
    }

    @Test
    void aSwedishCaseSendsPaminnelserAndAnInkassokravWithSwedishFeesAndInterest() {
        // A Swedish consumer, 1 000.00 SEK due Thu 2026-02-26. The plan's purring steps are påminnelser there: no
        // påminnelseavgift, since none was agreed (lag 1981:739); the inkassovarsel step is an inkassokrav, 180 SEK.
        // Dates as in Norway except that Sweden closes on Easter Monday too: påminnelse 1 Fri 03-13 (deadline 03-27),
        // påminnelse 2 Mon 03-30 (deadline 04-13), inkassokrav Tue 04-14. Interest on 04-14: referensränta 2.00 + 8 =
        // 10 % on actual/365, 47 days (02-27 … 04-14): 1000.00 × 0.10 × 47 / 365 = 4700 / 365 = 12.88;
        // total 1000.00 + 12.88 + 180.00 = 1192.88.
        customer("SE-1", "CONSUMER", "SE");
        invoice("SE-INV", "SE-1", DUE, "1000.00", "SEK");
        post("/api/dunning-runs", null);
        executeDueJobs();
        ProcessInstance swedish = runtime.createProcessInstanceQuery().processInstanceBusinessKey("SE-INV").singleResult();

        travelTo(REMINDER_DAY);
        travelTo(PURRING_1_DAY);
        complete(tasks.createTaskQuery().processInstanceId(swedish.getId()).singleResult(), Map.of("decision", "SEND"));
        travelTo(PURRING_2_DAY);
        travelTo(INKASSOVARSEL_DAY);
        complete(tasks.createTaskQuery().processInstanceId(swedish.getId()).singleResult(), Map.of("decision", "SEND"));

        JsonNode notices = get("/api/invoices/SE-INV/case").getBody().path("notices");
        List<String> lines = new ArrayList<>();
        notices.forEach(n -> lines.add(n.path("kind").asText() + " " + n.path("sendDate").asText() + " "
                + n.path("fee").decimalValue().setScale(2).toPlainString()));
        assertThat(lines).containsExactly("REMINDER 2026-03-05 0.00", "PAMINNELSE 2026-03-13 0.00",
                "PAMINNELSE 2026-03-30 0.00", "INKASSOKRAV 2026-04-14 180.00");
        assertThat(notices.get(3).path("interest").decimalValue()).isEqualByComparingTo("12.88");
        assertThat(notices.get(3).path("total").decimalValue()).isEqualByComparingTo("1192.88");
        assertThat(notices.get(1).path("feeReason").asText()).contains("none was agreed");
    }

    @Test
    void aStepInAYearTheLegalTablesDoNotCoverYetIsAnIncidentOnPrepareNamingTheTable() {
        // due Thu 2026-12-10. Reminder Thu 12-17; purring 1: 12-25 and 12-26 are Christmas holidays, 12-27 a Sunday:
        // Mon 12-28, fee 38 (R 2026), deadline 2027-01-11. Purring 2 falls on Tue 2027-01-12, and the shipped tables
        // end on 2026-12-31: the case waits for that day as usual, then stops with an incident naming the table.
        invoice("INV-9", "NO-1", LocalDate.of(2026, 12, 10), "1000.00", "NOK");
        travelTo(LocalDate.of(2026, 12, 15));
        post("/api/dunning-runs", null);
        executeDueJobs();
        ProcessInstance late = runtime.createProcessInstanceQuery().processInstanceBusinessKey("INV-9").singleResult();
        travelTo(LocalDate.of(2026, 12, 17));
        travelTo(LocalDate.of(2026, 12, 28));
        complete(tasks.createTaskQuery().processInstanceId(late.getId()).singleResult(), Map.of("decision", "SEND"));
        assertThat(late).isWaitingAt(DunningModel.EVENT_PURRING_DUE);

        travelTo(LocalDate.of(2027, 1, 12));

        var incident = runtime.createIncidentQuery().processInstanceId(late.getId()).singleResult();
        assertThat(incident.getActivityId()).isEqualTo("Task_PreparePurring");
        assertThat(incident.getIncidentMessage()).containsPattern("No row of no-[a-z]+\\.csv covers 2027-01-");
    }

    // ---- helpers

    private void driveToHandoverApproval() {
        travelTo(REMINDER_DAY);
        travelTo(PURRING_1_DAY);
        complete(task(), Map.of("decision", "SEND"));
        travelTo(PURRING_2_DAY);
        travelTo(INKASSOVARSEL_DAY);
        complete(task(), Map.of("decision", "SEND"));
        travelTo(HANDOVER_DAY);
        assertThat(instance).isWaitingAt(DunningModel.TASK_APPROVE_HANDOVER);
    }

    private void patchCustomer(Object patch) {
        ResponseEntity<JsonNode> response = send(ADMIN, HttpMethod.PATCH, "/api/customers/NO-1",
                MediaType.valueOf("application/merge-patch+json"), patch);
        assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(200);
    }
}

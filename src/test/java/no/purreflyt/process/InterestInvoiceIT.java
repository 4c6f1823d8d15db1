package no.purreflyt.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.purreflyt.notice.Notice;
import no.purreflyt.notice.NoticeHistory;
import no.purreflyt.notice.NoticeService;
import no.purreflyt.support.TestMail;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The interest invoice (rentenota) after a late payment: what it invoices, that it goes out like any notice, that it is
 * written once and only above the plan's minimum, and that it is no step of the plan nor a notice the fee rules count.
 *
 * <p>Invoice INV-1: 10 000.00 NOK from a Norwegian consumer, due Monday 2026-03-02. Interest 2026-H1: 12.00 % a year,
 * counted for each calendar day after the due date up to and including the payment day, principal × rate × days / 365,
 * rounded once, half-up, to øre. Easter 2026: Thursday 04-02 to Monday 04-06 are closed days.
 */
class InterestInvoiceIT extends CaseIntegrationTest {

    static final LocalDate DUE = LocalDate.of(2026, 3, 2);

    @Autowired NoticeService noticeService;
    @Autowired NoticeHistory history;
    @Autowired NextStepDecider decider;

    @BeforeEach
    void aCustomer() {
        init(engine);
        customer("NO-1", "CONSUMER", "NO");
        invoice("INV-1", "NO-1", DUE, "10000.00", "NOK");
    }

    /** A strict plan with the given purringer, a manual handover, fees kept until paid, and the interest invoice. */
    private static Map<String, Object> plan(List<Map<String, Object>> purringer, Map<String, Object> interestInvoice) {
        Map<String, Object> plan = new HashMap<>();
        plan.put("name", "Own");
        plan.put("feePolicy", "STRICT");
        plan.put("purringer", purringer);
        plan.put("handover", Map.of("approval", "MANUAL", "agency", "Fjord Inkasso AS"));
        plan.put("acceptPaymentWithoutFee", false);
        plan.put("interestInvoice", interestInvoice);
        return plan;
    }

    /** Opens the case on the plan on Friday 2026-03-06 (overdue by more than the 3 grace days). */
    private long caseOnPlan(Map<String, Object> plan) {
        ResponseEntity<JsonNode> saved = send(ADMIN, HttpMethod.PUT, "/api/plans/own", MediaType.APPLICATION_JSON, plan);
        assertThat(saved.getStatusCode().is2xxSuccessful()).as("%s", saved.getBody()).isTrue();
        send(ADMIN, HttpMethod.PUT, "/api/customers/NO-1/plan", MediaType.APPLICATION_JSON, Map.of("planKey", "own"));
        travelTo(LocalDate.of(2026, 3, 6));
        post("/api/dunning-runs", null);
        executeDueJobs();
        instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey("INV-1").singleResult();
        return jdbc.sql("select id from dunning_case").query(Long.class).single();
    }

    /** One purring on day 14 (Mon 03-16) with its fee 38.00 and 21 days to pay (04-06 is Easter Monday: 04-07). */
    private long caseWithOnePurringPaidLateInFull(String minimumAmount) {
        long caseId = caseOnPlan(plan(List.of(Map.of("daysAfterDue", 14, "deadlineDays", 21)),
                Map.of("minimumAmount", minimumAmount, "deadlineDays", 14)));
        travelTo(LocalDate.of(2026, 3, 16));
        assertThat(notices()).containsExactly("PURRING 1 2026-03-16 2026-04-07 38.00 DELIVERED");
        travelTo(LocalDate.of(2026, 4, 1));
        // the principal and the purring's fee: 10 000.00 + 38.00 = 10 038.00; the fee covered, the case is paid, and
        // on its way to Paid the process prepares and sends the interest invoice where the plan asks for one
        TestMail.purge();
        pay("P-1", "10038.00");
        assertThat(instance).isEnded().hasPassed(DunningModel.END_PAID);
        return caseId;
    }

    @Test
    void aLatePaymentInFullIsFollowedByAnInterestInvoiceOfTheInterestLeftWhichIsEmailedWithItsPdf() throws Exception {
        long caseId = caseWithOnePurringPaidLateInFull("50.00");
        JsonNode forecastBefore = get("/api/invoices/INV-1/forecast").getBody();
        NextStepDecider.Decision nextBefore = decider.decide(caseId);
        assertThat(instance).hasPassedInOrder("Task_PrepareInterestInvoice", "Task_DeliverInterestInvoice",
                DunningModel.END_PAID);

        Optional<Notice> prepared = noticeService.prepareInterestInvoice(caseId);

        // 2026-03-03 … 2026-04-01 = 29 + 1 = 30 days: 10 000.00 × 0.12 × 30 / 365 = 36 000 / 365 = 98.630… = 98.63,
        // all of it left (the 38.00 beyond the principal went to the fee); 98.63 is above the minimum 50.00.
        // Deadline 04-01 + 14 = Wed 04-15, a business day.
        assertThat(prepared).isPresent();
        Notice notice = prepared.get();
        assertThat(notice.interestInvoice()).isTrue();
        assertThat(notice.planStep()).isEqualTo(Notice.INTEREST_INVOICE_STEP);
        assertThat(notice.step()).isNull();
        assertThat(notice.sequence()).isEqualTo(1);
        assertThat(notice.sendDate()).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(notice.deadline()).isEqualTo(LocalDate.of(2026, 4, 15));
        assertThat(notice.principal()).isEqualByComparingTo("0.00");
        assertThat(notice.interest()).isEqualByComparingTo("98.63");
        assertThat(notice.fee()).isEqualByComparingTo("0.00");
        assertThat(notice.earlierFees()).isEqualByComparingTo("0.00");
        assertThat(notice.total()).isEqualByComparingTo("98.63");

        // the process prepared it; called again (a retried job, a person): the same notice, no second one
        assertThat(noticeService.prepareInterestInvoice(caseId)).map(Notice::id).contains(notice.id());
        assertThat(jdbc.sql("select count(*) from notice where kind = 'INTEREST_INVOICE'").query(Integer.class).single())
                .isEqualTo(1);

        // the process delivered it; delivering again sends nothing more
        Notice delivered = noticeService.deliver(notice.id());
        // in the books: the purring's fee when it went out, the invoiced interest when the interest invoice did; the
        // 38.00 paid beyond the principal went to the fee, so no interest was paid with the claim
        assertThat(jdbc.sql("select type || ' ' || debit_account || '/' || credit_account || ' ' || amount from posting "
                + "order by id").query(String.class).list())
                .containsExactly("FEE 1500/3900 38.00", "INTEREST 1500/8050 98.63");

        assertThat(delivered.channel()).isEqualTo("EMAIL");
        MimeMessage[] received = TestMail.received();
        assertThat(received).hasSize(1);
        assertThat(received[0].getSubject()).startsWith("Rentenota");
        assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("no-1@example.com");
        byte[] pdf = pdfAttachment(received[0]);
        assertThat(pdfText(pdf)).contains("Rentenota", "INV-1",
                "Forsinkelsesrente 12,00 % fra 03.03.2026 til 01.04.2026 (30 dager) av 10 000,00 NOK 98,63 NOK",
                "Å betale 98,63 NOK", "15.04.2026")
                .doesNotContain("Purregebyr", "38,00");
        assertThat(as(CONTROLLER).getForEntity("/api/notices/" + notice.id() + "/pdf", byte[].class).getBody())
                .isEqualTo(pdf);
        JsonNode view = get("/api/notices/" + notice.id()).getBody();
        assertThat(view.path("notice").path("kind").asText()).isEqualTo("INTEREST_INVOICE");
        assertThat(view.path("templateVersion").asText()).startsWith("interest-invoice_nb built-in #");
        assertThat(view.path("delivery").path("state").asText()).isEqualTo("SENT");
        // the case's notices: the purring, then the interest invoice (it charges no fee)
        assertThat(notices()).containsExactly("PURRING 1 2026-03-16 2026-04-07 38.00 DELIVERED",
                "INTEREST_INVOICE 1 2026-04-01 2026-04-15 0.00 DELIVERED");

        // no step of the plan and no fee: the forecast and the next step read as before it
        assertThat(get("/api/invoices/INV-1/forecast").getBody()).isEqualTo(forecastBefore);
        assertThat(decider.decide(caseId)).isEqualTo(nextBefore);
        assertThat(history.sent(caseId)).extracting(s -> s.kind().name()).containsExactly("PURRING");
    }

    @Test
    void interestNotAboveThePlansMinimumIsNotInvoiced() {
        // the same 98.63 of interest left; the minimum is 98.63, and only interest above it is invoiced
        long caseId = caseWithOnePurringPaidLateInFull("98.63");

        assertThat(noticeService.prepareInterestInvoice(caseId)).isEmpty();
        assertThat(jdbc.sql("select count(*) from notice where kind = 'INTEREST_INVOICE'").query(Integer.class).single())
                .isZero();
    }

    @Test
    void anInterestInvoiceOfAnOpenCaseChangesNeitherItsNextStepNorTheNextFee() {
        // purring 1 on day 14, Mon 03-16, deadline 03-30; purring 2 on day 28 = 03-30, after purring 1's deadline:
        // Tue 03-31, deadline 04-14, with the second fee § 1-3 allows (the first deadline was 14 days and passed)
        long caseId = caseOnPlan(plan(List.of(Map.of("daysAfterDue", 14, "deadlineDays", 14),
                Map.of("daysAfterDue", 28, "deadlineDays", 14)), Map.of()));
        travelTo(LocalDate.of(2026, 3, 16));
        travelTo(LocalDate.of(2026, 3, 20));
        // the principal alone, on Friday 03-20: the fee 38.00 keeps the case open
        pay("P-1", "10000.00");
        assertThat(instance).isNotEnded();
        NextStepDecider.Decision nextBefore = decider.decide(caseId);
        JsonNode forecastBefore = get("/api/invoices/INV-1/forecast").getBody();
        var sentBefore = history.sent(caseId);

        Notice invoiced = noticeService.prepareInterestInvoice(caseId).orElseThrow();
        noticeService.deliver(invoiced.id());

        // 2026-03-03 … 03-20 = 18 days: 10 000.00 × 0.12 × 18 / 365 = 21 600 / 365 = 59.178… = 59.18, none of it paid;
        // minimum 0.00 (the default). Deadline 03-20 + 14 = Fri 04-03, Good Friday: the next business day is Tue 04-07
        assertThat(invoiced.interest()).isEqualByComparingTo("59.18");
        assertThat(invoiced.total()).isEqualByComparingTo("59.18");
        assertThat(invoiced.deadline()).isEqualTo(LocalDate.of(2026, 4, 7));
        assertThat(nextBefore).isInstanceOf(NextStepDecider.Step.class);
        NextStepDecider.Step next = (NextStepDecider.Step) nextBefore;
        assertThat(next.name()).isEqualTo("Purring 2");
        assertThat(next.day()).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(next.stage()).isEqualTo("PURRING");
        assertThat(decider.decide(caseId)).isEqualTo(nextBefore);
        assertThat(history.sent(caseId)).isEqualTo(sentBefore);
        assertThat(get("/api/invoices/INV-1/forecast").getBody()).isEqualTo(forecastBefore);

        travelTo(LocalDate.of(2026, 3, 31));

        // purring 2 goes out on its day as the second purring with the second fee, as it would have without it
        assertThat(notices()).containsExactly("PURRING 1 2026-03-16 2026-03-30 38.00 DELIVERED",
                "PURRING 2 2026-03-31 2026-04-14 38.00 DELIVERED",
                "INTEREST_INVOICE 1 2026-03-20 2026-04-07 0.00 DELIVERED");
    }

    private static byte[] pdfAttachment(MimeMessage mail) throws Exception {
        List<byte[]> pdfs = new ArrayList<>();
        collectPdfs(mail.getContent(), pdfs);
        assertThat(pdfs).as("PDF attachments").hasSize(1);
        return pdfs.get(0);
    }

    private static void collectPdfs(Object content, List<byte[]> pdfs) throws Exception {
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                if (part.isMimeType("application/pdf")) {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    part.getDataHandler().writeTo(out);
                    pdfs.add(out.toByteArray());
                } else {
                    collectPdfs(part.getContent(), pdfs);
                }
            }
        }
    }

    private static String pdfText(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replace('\u00a0', ' ').replaceAll("[ \\t]+", " ");
        }
    }
}

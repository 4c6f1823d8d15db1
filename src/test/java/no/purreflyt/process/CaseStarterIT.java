package no.purreflyt.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import no.purreflyt.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Which invoices a run takes (grace days 3 in the default configuration), and runs racing each other. */
class CaseStarterIT extends IntegrationTest {

    @Autowired CaseStarter caseStarter;
    @Autowired DailyRun dailyRun;
    @Autowired no.purreflyt.plan.Plans plans;
    @Autowired com.fasterxml.jackson.databind.ObjectMapper json;
    @Autowired org.springframework.context.ApplicationContext context;

    @Test
    void theDailyRunSkipsPublicHolidaysAndRunsOncePerBusinessDay() {
        customer("NO-1", "CONSUMER", "NO");
        invoice("INV-1", "NO-1", TODAY.minusDays(10), "100.00", "NOK");
        java.time.ZoneId oslo = java.time.ZoneId.of("Europe/Oslo");

        // Good Friday 2026-04-03 at noon: a public holiday in Norway, so no run
        assertThat(dailyRun.runIfDue(java.time.ZonedDateTime.of(2026, 4, 3, 12, 0, 0, 0, oslo))).isEmpty();
        // Tuesday after Easter, before 11:00: not yet; at noon: the run, once
        assertThat(dailyRun.runIfDue(java.time.ZonedDateTime.of(2026, 4, 7, 10, 59, 0, 0, oslo))).isEmpty();
        assertThat(dailyRun.runIfDue(java.time.ZonedDateTime.of(2026, 4, 7, 12, 0, 0, 0, oslo)))
                .hasValueSatisfying(run -> assertThat(run.started()).isEqualTo(1));
        assertThat(dailyRun.runIfDue(java.time.ZonedDateTime.of(2026, 4, 7, 15, 0, 0, 0, oslo))).isEmpty();
        assertThat(jdbc.sql("select count(*) from dunning_run where kind = 'SCHEDULED'").query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void runStartsOneCaseForEachEligibleInvoiceOnly() {
        customer("NO-1", "CONSUMER", "NO");
        customer("NO-BLOCKED", "CONSUMER", "NO");
        customer("NO-BLOCK-ENDED", "BUSINESS", "NO");
        block("NO-BLOCKED", TODAY.plusDays(5));
        block("NO-BLOCK-ENDED", TODAY.minusDays(1));
        // grace 3 days: due 4 days ago is overdue by more than the grace, due 3 days ago is not yet
        invoice("DUE-4", "NO-1", TODAY.minusDays(4), "100.00", "NOK");
        invoice("DUE-3", "NO-1", TODAY.minusDays(3), "100.00", "NOK");
        invoice("NOT-DUE", "NO-1", TODAY.plusDays(10), "100.00", "NOK");
        invoice("PAID", "NO-1", TODAY.minusDays(30), "100.00", "NOK");
        post("/api/invoices/PAID/payments", Map.of("amount", "100.00", "paidOn", TODAY.toString(), "externalId", "P-1"));
        post("/api/invoices", Map.of("number", "EXCLUDED", "customerExternalId", "NO-1", "issueDate", "2026-01-01",
                "dueDate", "2026-01-15", "amount", "100.00", "currency", "NOK", "excluded", true));
        invoice("BLOCKED", "NO-BLOCKED", TODAY.minusDays(30), "100.00", "NOK");
        invoice("BLOCK-ENDED", "NO-BLOCK-ENDED", TODAY.minusDays(30), "100.00", "NOK");

        ResponseEntity<JsonNode> run = post("/api/dunning-runs", null);

        assertThat(run.getStatusCode().value()).isEqualTo(200);
        assertThat(run.getBody().path("started").asInt()).isEqualTo(2);
        assertThat(openCases()).containsExactlyInAnyOrder("DUE-4", "BLOCK-ENDED");
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("DUE-4").count()).isEqualTo(1);
    }

    @Test
    void secondRunStartsNothingNew() {
        customer("NO-1", "CONSUMER", "NO");
        invoice("INV-1", "NO-1", TODAY.minusDays(10), "100.00", "NOK");
        post("/api/dunning-runs", null);

        ResponseEntity<JsonNode> second = post("/api/dunning-runs", null);

        assertThat(second.getBody().path("candidates").asInt()).isZero();
        assertThat(second.getBody().path("started").asInt()).isZero();
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("INV-1").count()).isEqualTo(1);
    }

    @Test
    void concurrentRunsNeverOpenTwoCasesForOneInvoice() throws Exception {
        customer("NO-1", "CONSUMER", "NO");
        int invoices = 40;
        for (int i = 1; i <= invoices; i++) {
            invoice("RACE-" + i, "NO-1", TODAY.minusDays(10), "100.00", "NOK");
        }
        int runs = 4;
        ExecutorService pool = Executors.newFixedThreadPool(runs);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<CaseStarter.RunResult>> results = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
            Callable<CaseStarter.RunResult> run = () -> {
                start.await();
                return caseStarter.run(RunKind.MANUAL, "racer").orElseThrow();
            };
            results.add(pool.submit(run));
        }
        start.countDown();
        int started = 0;
        int failed = 0;
        for (Future<CaseStarter.RunResult> result : results) {
            started += result.get(2, TimeUnit.MINUTES).started();
            failed += result.get().failed();
        }
        pool.shutdown();

        assertThat(started).isEqualTo(invoices);
        assertThat(failed).isZero();
        assertThat(openCases()).hasSize(invoices).doesNotHaveDuplicates();
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(DunningModel.PROCESS_ID).count()).isEqualTo(invoices);
    }

    @Test
    void inBatchesAFailingInvoiceFailsAloneAndTheRestOfItsBatchStarts() throws Exception {
        customer("NO-1", "CONSUMER", "NO");
        customer("NO-BROKEN", "CONSUMER", "NO");
        // the customer's own plan, archived behind its back: the plan selection fails for its invoice
        plans.create("doomed", json.readValue(new org.springframework.core.io.ClassPathResource("plans/standard.json").getInputStream(),
                no.purreflyt.plan.PlanDefinition.class), "test");
        plans.assign("NO-BROKEN", "doomed", "test");
        jdbc.sql("update dunning_plan set archived = true where plan_key = 'doomed'").update();
        for (int i = 1; i <= 7; i++) {
            invoice("OK-" + i, "NO-1", TODAY.minusDays(10), "100.00", "NOK");
        }
        invoice("BROKEN", "NO-BROKEN", TODAY.minusDays(10), "100.00", "NOK");

        CaseStarter.RunResult run = starter(3).run(RunKind.MANUAL, "test").orElseThrow();

        assertThat(run.started()).isEqualTo(7);
        assertThat(run.failed()).isEqualTo(1);
        assertThat(openCases()).hasSize(7).doesNotContain("BROKEN");
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("BROKEN").count()).isZero();
    }

    @Test
    void batchedRunsRacingEachOtherNeverOpenTwoCasesForOneInvoice() throws Exception {
        customer("NO-1", "CONSUMER", "NO");
        int invoices = 40;
        for (int i = 1; i <= invoices; i++) {
            invoice("RACE-" + i, "NO-1", TODAY.minusDays(10), "100.00", "NOK");
        }
        ExecutorService pool = Executors.newFixedThreadPool(3);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<CaseStarter.RunResult>> results = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            CaseStarter batched = starter(7);
            results.add(pool.submit(() -> {
                start.await();
                return batched.run(RunKind.MANUAL, "racer").orElseThrow();
            }));
        }
        start.countDown();
        int started = 0;
        for (Future<CaseStarter.RunResult> result : results) {
            started += result.get(2, TimeUnit.MINUTES).started();
            assertThat(result.get().failed()).isZero();
        }
        pool.shutdown();

        assertThat(started).isEqualTo(invoices);
        assertThat(openCases()).hasSize(invoices).doesNotHaveDuplicates();
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(DunningModel.PROCESS_ID).count()).isEqualTo(invoices);
    }

    /** The application's case starter, but starting {@code batchSize} cases per transaction. */
    private CaseStarter starter(int batchSize) {
        CaseStarterProperties configured = context.getBean(CaseStarterProperties.class);
        return new CaseStarter(context.getBean(no.purreflyt.ledger.DunningCases.class),
                context.getBean(no.purreflyt.ledger.LedgerService.class), runtime,
                context.getBean(org.springframework.transaction.support.TransactionTemplate.class),
                context.getBean(DunningRunRepository.class), plans, context.getBean(no.purreflyt.plan.PlanSelection.class),
                context.getBean(java.time.Clock.class), new CaseStarterProperties(configured.timeOfDay(),
                        configured.scheduled(), configured.pollInterval(), configured.calendar(), batchSize));
    }

    @Test
    void databaseRefusesASecondOpenCaseEvenWithoutTheStartersChecks() {
        customer("NO-1", "CONSUMER", "NO");
        invoice("INV-1", "NO-1", TODAY.minusDays(10), "100.00", "NOK");
        long invoiceId = jdbc.sql("select id from invoice where number = 'INV-1'").query(Long.class).single();
        String insert = "insert into dunning_case (invoice_id, open_invoice_id, status, stage, opened_at) "
                + "values (:id, :id, 'OPEN', 'AWAITING_PAYMENT', current_timestamp)";
        jdbc.sql(insert).param("id", invoiceId).update();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql(insert).param("id", invoiceId).update())
                .isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
    }

    private void block(String customer, java.time.LocalDate until) {
        send(ADMIN, HttpMethod.PATCH, "/api/customers/" + customer, MediaType.APPLICATION_JSON,
                "{\"dunningBlock\": {\"blocked\": true, \"reason\": \"test\", \"until\": \"" + until + "\"}}");
    }

    private List<String> openCases() {
        return jdbc.sql("select i.number from dunning_case d join invoice i on i.id = d.invoice_id where d.status = 'OPEN'")
                .query(String.class).list();
    }
}

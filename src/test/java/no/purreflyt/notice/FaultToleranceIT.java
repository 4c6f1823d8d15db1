package no.purreflyt.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doAnswer;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.store.StoredMessage;
import jakarta.mail.internet.MimeMessage;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import no.purreflyt.process.DunningModel;
import no.purreflyt.support.IntegrationTest;
import no.purreflyt.support.TestDatabase;
import no.purreflyt.support.TestMail;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * Proof under faults, with the job executor running as in production and many cases at once: the mail relay down for a
 * while, a payment arriving while its notice is being prepared, the database gone for some seconds mid-run. After each
 * fault every case is where it should be, every notice went out exactly once (counted at the relay, in notice and in
 * notice_delivery) and no incident is left.
 *
 * <p>The cases are those of DunningProcessIT's test plan: invoices of 1 000.00 NOK due Thursday 2026-02-26, Norwegian
 * consumers with an e-mail address; the free reminder goes out on day 7, 2026-03-05 at 11:00, by e-mail, and the case
 * then waits for the purring. A failed delivery is retried R3/PT5M, so the test moves the business clock (which the
 * engine follows) past the five minutes instead of waiting them out; the same move lets a job whose lock was lost with
 * the database be taken again once its five-minute lock has run out.
 */
@TestPropertySource(properties = {
        "camunda.bpm.job-execution.enabled=true",
        // few threads (a loaded 2-core machine), and no long idle back-off between acquisitions
        "camunda.bpm.job-execution.core-pool-size=3",
        "camunda.bpm.job-execution.max-pool-size=3",
        "camunda.bpm.job-execution.wait-time-in-millis=500",
        "camunda.bpm.job-execution.max-wait=2000",
        // each delivery holds two connections; the rest for the test's own queries and HTTP calls
        "spring.datasource.hikari.maximum-pool-size=10"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaultToleranceIT extends IntegrationTest {

    static final LocalDate DUE = LocalDate.of(2026, 2, 26);
    static final LocalDate REMINDER_DAY = LocalDate.of(2026, 3, 5);
    static final int CASES = 24;
    static final Duration PATIENCE = Duration.ofSeconds(120);

    @Autowired ProcessEngineConfigurationImpl engineConfiguration;
    @Autowired HistoryService history;
    @MockitoSpyBean NoticeDocuments documents;
    @MockitoSpyBean JavaMailSender mailSender;

    /** Every mail the relay took in this test, across its restarts (a restarted GreenMail starts empty). */
    private final List<MimeMessage> relayed = new ArrayList<>();
    private int minutesPastNoon;

    /** The context stays cached; its job executor must not go on running the next test classes' jobs. */
    @AfterAll
    void stopTheJobExecutor() {
        engineConfiguration.getJobExecutor().shutdown();
        allowConnections(true);
    }

    @BeforeEach
    void relayAndDatabaseUp() {
        allowConnections(true);
        TestMail.server();
        relayed.clear();
        minutesPastNoon = 0;
    }

    @AfterEach
    void relayBack() {
        TestMail.server();
    }

    // ---- (a) the relay down for a while

    @Test
    void everyReminderArrivesExactlyOnceWhenTheRelayGoesDownMidRunAndComesBack() throws Exception {
        List<String> invoices = openCases(CASES);

        timeTravel.setDateTime(REMINDER_DAY, NOON);
        awaitThat("a few reminders went out before the relay went down", () -> TestMail.received().length >= 3);
        relayDown();
        // the rest fail against the closed port and wait for their retry five minutes on
        awaitThat("every reminder is out or waits for its retry", () -> jdbc.sql("""
                select count(*) from notice_delivery where state = 'SENT' or state = 'FAILED'""")
                .query(Integer.class).single() == CASES && executableJobs() == 0);
        int failed = jdbc.sql("select count(*) from notice_delivery where state = 'FAILED'").query(Integer.class).single();
        assertThat(failed).as("the relay was down while reminders were being sent").isPositive();

        TestMail.start();
        retryTimeComes();

        assertEveryCaseRemindedOnce(invoices);
        assertThat(jdbc.sql("select count(*) from notice_delivery where attempts = 2").query(Integer.class).single())
                .as("each reminder that failed was sent on its first retry").isEqualTo(failed);
    }

    // ---- (b) a payment while the notice is being prepared

    @Test
    void aPaymentInFullWhileTheReminderIsBeingPreparedEndsTheCaseAndNoReminderGoesOut() throws Exception {
        customer("NO-1", "CONSUMER", "NO");
        invoice("INV-1", "NO-1", DUE, "1000.00", "NOK");
        startCases(1);
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey("INV-1").singleResult().getId();
        Preparation preparation = holdPreparations();

        timeTravel.setDateTime(REMINDER_DAY, NOON);
        preparation.awaitHeld(1);
        // the accounting system's payment comes in while the reminder's letter is being written
        ResponseEntity<JsonNode> payment = paymentWhileHeld("INV-1", "1000.00", "P-1");
        preparation.release();

        assertThat(payment.getStatusCode().value()).isEqualTo(201);
        awaitThat("the case ended", () -> runtime.createProcessInstanceQuery().count() == 0
                && caseJobs().count() == 0);
        assertThat(get("/api/invoices/INV-1/case").getBody().path("outcome").asText()).isEqualTo("PAID");
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance)
                .activityId(DunningModel.END_PAID).count()).isOne();
        // the preparation lost its race with the payment and was rolled back: no reminder, prepared or sent
        assertThat(jdbc.sql("select count(*) from notice").query(Integer.class).single()).isZero();
        assertThat(TestMail.received()).isEmpty();
        assertNoIncident();
    }

    @Test
    void aPartPaymentWhileTheReminderIsBeingPreparedIsOnTheReminderThatGoesOut() throws Exception {
        customer("NO-1", "CONSUMER", "NO");
        invoice("INV-1", "NO-1", DUE, "1000.00", "NOK");
        startCases(1);
        Preparation preparation = holdPreparations();

        timeTravel.setDateTime(REMINDER_DAY, NOON);
        preparation.awaitHeld(1);
        // 400.00 of the 1 000.00 paid while the reminder is being written with the principal it read before
        ResponseEntity<JsonNode> payment = paymentWhileHeld("INV-1", "400.00", "P-1");
        preparation.release();

        assertThat(payment.getStatusCode().value()).isEqualTo(201);
        assertEveryCaseRemindedOnce(List.of("INV-1"));
        // 1 000.00 - 400.00 = 600.00 left of the principal: the reminder the debtor gets says so
        JsonNode reminder = get("/api/invoices/INV-1/case").getBody().path("notices").get(0);
        assertThat(reminder.path("principal").decimalValue()).isEqualByComparingTo("600.00");
        assertThat(reminder.path("total").decimalValue()).isEqualByComparingTo(reminder.path("principal").decimalValue()
                .add(reminder.path("interest").decimalValue()).add(reminder.path("earlierFees").decimalValue())
                .add(reminder.path("fee").decimalValue()).add(reminder.path("compensation").decimalValue()));
        // the letter's principal line, amounts as Norwegian letters write them (a no-break space groups thousands)
        assertThat(textOf(relayed.get(0)).replace('\u00a0', ' ').replace('\u202f', ' ')).contains("600,00 NOK")
                .doesNotContain("1 000,00");
    }

    // ---- (c) the database gone for some seconds

    @Test
    void everyReminderArrivesExactlyOnceWhenTheDatabaseGoesAwayMidRunAndComesBack() throws Exception {
        List<String> invoices = openCases(CASES);

        timeTravel.setDateTime(REMINDER_DAY, NOON);
        awaitThat("a few reminders went out before the database went away", () -> TestMail.received().length >= 3);
        databaseDownFor(Duration.ofSeconds(6));

        awaitThat("the application works with the database again", () -> executableJobs() >= 0);
        retryTimeComes();

        assertEveryCaseRemindedOnce(invoices);
    }

    @Test
    void aReminderTheRelayTookJustBeforeTheDatabaseWentAwayIsRecordedAsSentAndNotSentAgain() throws Exception {
        List<String> invoices = openCases(4);
        // the worst moment: the relay has the mail, its hand-off is not on record yet, and the database goes away
        AtomicBoolean armed = new AtomicBoolean(true);
        doAnswer(call -> {
            call.callRealMethod();
            if (armed.getAndSet(false)) {
                databaseDownInBackgroundFor(Duration.ofSeconds(5));
            }
            return null;
        }).when(mailSender).send(any(MimeMessage.class));

        timeTravel.setDateTime(REMINDER_DAY, NOON);
        awaitThat("the database went away after a hand-off", () -> !armed.get());
        awaitThat("the application works with the database again", () -> executableJobs() >= 0);
        retryTimeComes();

        assertEveryCaseRemindedOnce(invoices);
        assertThat(jdbc.sql("select count(*) from notice_delivery where attempts <> 1").query(Integer.class).single())
                .as("no mail was handed to the relay twice").isZero();
    }

    // ---- cases

    /** Customers NO-01 … and their overdue invoices INV-01 …, each with its case waiting for the reminder. */
    private List<String> openCases(int count) {
        List<String> invoices = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String n = String.format("%02d", i);
            customer("NO-" + n, "CONSUMER", "NO");
            invoice("INV-" + n, "NO-" + n, DUE, "1000.00", "NOK");
            invoices.add("INV-" + n);
        }
        startCases(count);
        return invoices;
    }

    private void startCases(int count) {
        assertThat(post("/api/dunning-runs", null).getBody().path("started").asInt()).isEqualTo(count);
        awaitThat("every case waits for its reminder", () -> runtime.createProcessInstanceQuery()
                .activityIdIn(DunningModel.EVENT_REMINDER_DUE).count() == count);
    }

    /**
     * Per case: one reminder, delivered, one notice_delivery row SENT whose Message-ID the relay received exactly once,
     * to the debtor's address, the case waiting for its purring; no incident, no failed job left anywhere.
     */
    private void assertEveryCaseRemindedOnce(List<String> invoices) throws Exception {
        awaitThat("every case waits for its purring", () -> runtime.createProcessInstanceQuery()
                .activityIdIn(DunningModel.EVENT_PURRING_DUE).count() == invoices.size());
        collectRelayed();
        Map<String, Integer> byRecipient = new HashMap<>();
        Map<String, Integer> byMessageId = new HashMap<>();
        for (MimeMessage mail : relayed) {
            byRecipient.merge(mail.getAllRecipients()[0].toString(), 1, Integer::sum);
            byMessageId.merge(mail.getMessageID(), 1, Integer::sum);
        }
        for (String invoice : invoices) {
            String debtor = "no-" + invoice.substring(4).toLowerCase() + "@example.com";
            List<Map<String, Object>> notices = jdbc.sql("""
                    select n.id, n.kind, n.status, d.channel, d.state, d.recipient, d.message_id
                    from notice n join dunning_case c on c.id = n.case_id join invoice i on i.id = c.invoice_id
                    left join notice_delivery d on d.notice_id = n.id
                    where i.number = :invoice""").param("invoice", invoice).query().listOfRows();
            assertThat(notices).as("the notices of %s", invoice).hasSize(1);
            Map<String, Object> notice = notices.get(0);
            assertThat(notice).as("the notice of %s", invoice).containsEntry("kind", "REMINDER")
                    .containsEntry("status", "DELIVERED").containsEntry("channel", "EMAIL").containsEntry("state", "SENT")
                    .containsEntry("recipient", debtor);
            assertThat(byMessageId.get((String) notice.get("message_id"))).as("mails relayed as %s's reminder", invoice)
                    .isEqualTo(1);
            assertThat(byRecipient.get(debtor)).as("mails to %s", debtor).isEqualTo(1);
        }
        assertThat(relayed).hasSize(invoices.size());
        assertNoIncident();
        assertThat(management.createJobQuery().withException().count()).as("jobs that failed and wait for a retry")
                .isZero();
    }

    private void assertNoIncident() {
        assertThat(runtime.createIncidentQuery().list()).isEmpty();
    }

    // ---- the relay

    /** The text/plain part of an e-mail. */
    private static String textOf(jakarta.mail.Part part) throws Exception {
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof jakarta.mail.Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String text = textOf(multipart.getBodyPart(i));
                if (text != null) {
                    return text;
                }
            }
        }
        return null;
    }

    /** Stops the relay, keeping what it received so far (a GreenMail server forgets its mail when it stops). */
    private void relayDown() throws Exception {
        Managers before = TestMail.server().getManagers();
        TestMail.stop();
        for (StoredMessage stored : before.getImapHostManager().getAllMessages()) {
            relayed.add(stored.getMimeMessage());
        }
    }

    private void collectRelayed() {
        relayed.addAll(List.of(TestMail.received()));
    }

    // ---- the clock

    /**
     * Moves the business clock six minutes on, past a failed delivery's retry (R3/PT5M) and a lost job lock (five
     * minutes), and waits for the jobs that became due; again while any job is left with a failure.
     */
    private void retryTimeComes() {
        for (int round = 0; round < 3; round++) {
            minutesPastNoon += 6;
            timeTravel.setDateTime(REMINDER_DAY, NOON.plusMinutes(minutesPastNoon));
            awaitThat("the jobs due after " + minutesPastNoon + " minutes ran", () -> executableJobs() == 0
                    && lockedJobs() == 0);
            if (management.createJobQuery().withException().count() == 0
                    && caseJobs().timers().count() == caseJobs().count()) {
                return;
            }
        }
    }

    /** The cases' jobs: not the engine's own (the nightly history cleanup). */
    private org.camunda.bpm.engine.runtime.JobQuery caseJobs() {
        return management.createJobQuery().processDefinitionKey(DunningModel.PROCESS_ID);
    }

    private long executableJobs() {
        return management.createJobQuery().executable().count();
    }

    private int lockedJobs() {
        return jdbc.sql("select count(*) from act_ru_job where lock_owner_ is not null").query(Integer.class).single();
    }

    private void awaitThat(String what, BooleanSupplier condition) {
        await(what).atMost(PATIENCE).pollInterval(Duration.ofMillis(300)).ignoreExceptions()
                .until(condition::getAsBoolean);
    }

    // ---- payments while a notice is being prepared

    /** Holds every notice's preparation inside its transaction, after its amounts are computed, until released. */
    private Preparation holdPreparations() {
        Preparation preparation = new Preparation();
        doAnswer(call -> {
            preparation.hold();
            return call.callRealMethod();
        }).when(documents).save(anyLong(), any(), any(), any(), any());
        return preparation;
    }

    private ResponseEntity<JsonNode> paymentWhileHeld(String invoice, String amount, String externalId)
            throws Exception {
        CompletableFuture<ResponseEntity<JsonNode>> payment = CompletableFuture.supplyAsync(() -> post(
                "/api/invoices/" + invoice + "/payments", Map.of("amount", amount, "paidOn", REMINDER_DAY.toString(),
                        "externalId", externalId)));
        // a payment does not wait for a notice being prepared
        return payment.get(60, TimeUnit.SECONDS);
    }

    static final class Preparation {
        private final CountDownLatch released = new CountDownLatch(1);
        private final AtomicReference<Integer> held = new AtomicReference<>(0);

        void hold() throws InterruptedException {
            held.updateAndGet(n -> n + 1);
            if (!released.await(90, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never released the preparation");
            }
        }

        void awaitHeld(int count) {
            await("preparations held").atMost(PATIENCE).until(() -> held.get() >= count);
        }

        void release() {
            released.countDown();
        }
    }

    // ---- the database

    /**
     * Our test database goes away as in a restart: no new connections, every open one cut. The PostgreSQL server stays
     * up (others use it); only this database is touched, from the server's maintenance database.
     */
    private void databaseDownFor(Duration down) throws Exception {
        allowConnections(false);
        try {
            Thread.sleep(down.toMillis());
        } finally {
            allowConnections(true);
        }
    }

    private void databaseDownInBackgroundFor(Duration down) {
        allowConnections(false);
        Thread up = new Thread(() -> {
            try {
                Thread.sleep(down.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                allowConnections(true);
            }
        }, "database-back");
        up.setDaemon(true);
        up.start();
    }

    private static void allowConnections(boolean allowed) {
        String database = databaseName();
        try (Connection admin = DriverManager.getConnection(maintenanceUrl(), TestDatabase.USER, TestDatabase.PASSWORD);
                Statement sql = admin.createStatement()) {
            sql.execute("alter database \"" + database + "\" with allow_connections " + allowed);
            if (!allowed) {
                sql.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + database
                        + "' and pid <> pg_backend_pid()");
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Could not " + (allowed ? "open" : "close") + " database " + database, e);
        }
    }

    private static String databaseName() {
        String path = TestDatabase.URL.substring(TestDatabase.URL.lastIndexOf('/') + 1);
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }

    private static String maintenanceUrl() {
        return TestDatabase.URL.substring(0, TestDatabase.URL.lastIndexOf('/') + 1) + "postgres";
    }
}

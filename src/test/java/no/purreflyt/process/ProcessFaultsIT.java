package no.purreflyt.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import no.purreflyt.support.AppProcess;
import no.purreflyt.support.IntegrationTest;
import no.purreflyt.support.TestMail;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Faults of the nodes themselves, on PostgreSQL with the application running as separate JVMs ({@link AppProcess}) and
 * their job executors on: a node killed (SIGKILL) while it sends a day's notices and started again, and two nodes on
 * one database doing the same day. Nothing may be lost and nothing sent twice: every case gets its notice once, by
 * exactly one e-mail whose Message-ID is the one on record.
 *
 * <p>The cases: {@value #CASES} Norwegian consumers with one invoice each, 1 000.00 NOK due Thursday 2026-02-26, opened
 * on Monday 2026-03-02 (overdue by more than the test plan's 3 grace days). The plan's free reminder is due on day 7,
 * Thursday 2026-03-05 at 11:00; once it is sent a case waits for its purring (day 14).
 */
class ProcessFaultsIT extends IntegrationTest {

    static final int CASES = 40;
    static final LocalDate DUE = LocalDate.of(2026, 2, 26);
    static final LocalDate REMINDER_DAY = LocalDate.of(2026, 3, 5);
    /** A node's start on a loaded machine (two cores shared with other builds) takes 20 s to a minute. */
    static final Duration START = Duration.ofMinutes(3);
    static final Duration WORK = Duration.ofMinutes(4);

    @Autowired DunningRunRepository runs;
    @Autowired TransactionTemplate transaction;

    @Test
    void aNodeKilledWhileSendingTheRemindersLosesNoneAndTheNextNodeSendsNoneTwice() {
        invoices();
        post("/api/dunning-runs", null);
        executeDueJobs();
        assertThat(casesWaitingAt(DunningModel.EVENT_REMINDER_DUE)).isEqualTo(CASES);

        Map<Long, String> deliveriesAtKill;
        int mailsAtKill;
        try (AppProcess first = AppProcess.named("node-a").start().awaitUp(START)) {
            first.setClock(REMINDER_DAY, NOON);
            // SIGKILL as soon as the first mails are out: the other cases' jobs are waiting, running or half done.
            // Watching the relay, the kill often lands just after it took a mail and before the node recorded that:
            // the hand-off the node cannot know the outcome of
            await().atMost(WORK).pollInterval(Duration.ofMillis(20)).until(() -> TestMail.received().length >= 3);
            first.kill();
            mailsAtKill = TestMail.received().length;
            deliveriesAtKill = deliveryStates();
        }
        assertThat(mailsAtKill).as("the node died in the middle of the day's reminders").isLessThan(CASES);

        Map<Long, Boolean> settled;
        try (AppProcess second = AppProcess.named("node-b").start().awaitUp(START)) {
            // the dead node's jobs stay locked for the job executor's lock time (5 minutes of the business clock);
            // half an hour later the new node takes them over
            settled = driveUntilEveryCaseWaitsAt(DunningModel.EVENT_PURRING_DUE, second, NOON.plusMinutes(30));
        }

        // an e-mail whose hand-off the dead node could not record is never sent again on a guess: its delivery job
        // ended as an incident a person answered (from the relay's log), and only a notice the kill caught in the
        // middle of its hand-off can be one
        assertThat(settled.keySet()).allSatisfy(notice -> assertThat(deliveriesAtKill.get(notice)).isEqualTo("SENDING"));
        assertEveryCaseGotItsReminderExactlyOnce();
    }

    @Test
    void twoNodesOnOneDatabaseStartEachCaseOnceAndSendEachReminderOnce() {
        invoices();
        // before the day's run is due at 11:00: both nodes start from this time, kept in the database
        timeTravel.setDateTime(TODAY, LocalTime.of(10, 0));

        try (AppProcess a = node("node-a"); AppProcess b = node("node-b")) {
            a.awaitUp(START);
            b.awaitUp(START);

            // both nodes reach 11:00 at the same moment (each one's scheduled run is due) and each is asked for a
            // manual run too: three runs race for the same 40 invoices
            together(a, b, node -> {
                node.setClock(TODAY, LocalTime.of(11, 0));
                return node.post("/api/dunning-runs", null);
            });
            // the scheduled run is the poll's, after the clock moved: wait until it has finished too
            await().atMost(WORK).until(() -> jdbc.sql("select count(*) from dunning_run where kind = 'SCHEDULED' "
                    + "and finished_at is not null").query(Long.class).single() == 1);
            awaitEveryCaseAt(DunningModel.EVENT_REMINDER_DUE);

            together(a, b, node -> node.setClock(REMINDER_DAY, NOON));
            awaitEveryCaseAt(DunningModel.EVENT_PURRING_DUE);
        }

        // the day's scheduled run happened on one node only; so did the reminder day's (which found nothing to start)
        assertThat(jdbc.sql("select kind from dunning_run where business_date = :day order by kind").param("day", TODAY)
                .query(String.class).list()).containsExactly("MANUAL", "MANUAL", "SCHEDULED");
        assertThat(jdbc.sql("select count(*) from dunning_run where kind = 'SCHEDULED' group by business_date")
                .query(Long.class).list()).containsOnly(1L);
        assertThat(jdbc.sql("select sum(cases_started) from dunning_run").query(Long.class).single())
                .as("each case started by exactly one of the three runs").isEqualTo(CASES);
        assertEveryCaseGotItsReminderExactlyOnce();
        // both job executors took part (the engine's job log names the node that ran each job)
        Map<String, Long> jobsPerNode = jdbc.sql("select hostname_, count(*) from act_hi_job_log where job_state_ = 2 "
                + "and process_instance_id_ in (select id_ from act_ru_execution where id_ = proc_inst_id_) "
                + "group by hostname_").query((rs, row) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(jobsPerNode).as("successful jobs per node").containsOnlyKeys("node-a", "node-b")
                .allSatisfy((node, jobs) -> assertThat(jobs).isPositive());
    }

    /**
     * The moment the other tests rarely hit: both nodes insert the day's scheduled run at once. On PostgreSQL the
     * unique violation aborts B's transaction, and the registration must still answer "taken" rather than fail.
     */
    @Test
    void twoNodesRegisteringTheDaysScheduledRunAtOnceLeaveItToOneWithoutAnError() throws Exception {
        // node A has registered the day's run and not committed yet; node B's registration waits on A's row
        CountDownLatch registeredByA = new CountDownLatch(1);
        CountDownLatch bIsWaiting = new CountDownLatch(1);
        CompletableFuture<Optional<Long>> a = CompletableFuture.supplyAsync(() -> transaction.execute(tx -> {
            Optional<Long> run = runs.begin(RunKind.SCHEDULED, TODAY, null, Instant.now());
            registeredByA.countDown();
            awaitLatch(bIsWaiting);
            return run;
        }));
        awaitLatch(registeredByA);
        CompletableFuture<Optional<Long>> b = CompletableFuture.supplyAsync(
                () -> runs.begin(RunKind.SCHEDULED, TODAY, null, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("select count(*) from pg_stat_activity "
                + "where datname = current_database() and wait_event_type = 'Lock' "
                + "and query like 'insert into dunning_run%'").query(Long.class).single() > 0);
        bIsWaiting.countDown();

        assertThat(a.get(30, TimeUnit.SECONDS)).isPresent();
        assertThat(b.get(30, TimeUnit.SECONDS)).as("the run is A's").isEmpty();
        assertThat(jdbc.sql("select count(*) from dunning_run").query(Long.class).single()).isOne();
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new AssertionError("timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ---- the cases

    private void invoices() {
        for (int i = 1; i <= CASES; i++) {
            String customer = String.format("FB-%02d", i);
            customer(customer, "CONSUMER", "NO");
            invoice("INV-" + customer, customer, DUE, "1000.00", "NOK");
        }
    }

    private static AppProcess node(String name) {
        return AppProcess.named(name)
                .with("purreflyt.case-starter.scheduled", true)
                .with("purreflyt.case-starter.poll-interval", "PT1S")
                .start();
    }

    private long casesWaitingAt(String activity) {
        return runtime.createExecutionQuery().activityId(activity).count();
    }

    private void awaitEveryCaseAt(String activity) {
        await().atMost(WORK).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            assertThat(runtime.createIncidentQuery().list()).extracting(Incident::getIncidentMessage).isEmpty();
            assertThat(casesWaitingAt(activity)).isEqualTo(CASES);
        });
    }

    /**
     * Lets the node work until every case waits at the activity, as operations would: a delivery job that fails waits
     * five minutes before its next attempt, so the business clock moves on for it; an e-mail whose hand-off is
     * uncertain ends as an incident, answered as a person would after looking for its Message-ID in the relay's log
     * (here: GreenMail), and its job is retried. Any other incident fails the test.
     *
     * @return the notices whose uncertain delivery was answered, with the answer (handed over or not)
     */
    private Map<Long, Boolean> driveUntilEveryCaseWaitsAt(String activity, AppProcess node, LocalTime from) {
        LocalTime time = from;
        node.setClock(REMINDER_DAY, time);
        Instant lastMove = Instant.now();
        Instant end = Instant.now().plus(WORK);
        Map<Long, Boolean> settled = new TreeMap<>();
        while (casesWaitingAt(activity) < CASES) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError(casesWaitingAt(activity) + " of " + CASES + " cases at " + activity + " after "
                        + WORK + "; deliveries " + deliveryStates() + "; jobs left "
                        + management.createJobQuery().count() + "; log: " + node.log());
            }
            for (Incident incident : runtime.createIncidentQuery().list()) {
                assertThat(incident.getIncidentMessage()).as("the only incident a kill may leave")
                        .contains("its outcome was not recorded");
                long notice = (Long) runtime.getVariable(incident.getExecutionId(), ProcessVariables.NOTICE_ID.name());
                boolean handedOver = mailIds().contains(messageIdOf(notice));
                node.post("/api/notices/" + notice + "/delivery-outcome", Map.of("handedOver", handedOver));
                management.setJobRetries(incident.getConfiguration(), 1);
                settled.put(notice, handedOver);
            }
            boolean retryWaiting = management.createJobQuery().withException().withRetriesLeft().count() > 0;
            if (retryWaiting && Duration.between(lastMove, Instant.now()).toSeconds() >= 3) {
                time = time.plusMinutes(6);
                node.setClock(REMINDER_DAY, time);
                lastMove = Instant.now();
            }
            sleep(500);
        }
        return settled;
    }

    /** Runs the same call on both nodes at the same moment. */
    private static void together(AppProcess a, AppProcess b, Function<AppProcess, ?> call) {
        CyclicBarrier start = new CyclicBarrier(2);
        List<CompletableFuture<?>> calls = new ArrayList<>();
        for (AppProcess node : List.of(a, b)) {
            calls.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return call.apply(node);
            }));
        }
        calls.forEach(CompletableFuture::join);
    }

    // ---- what went out

    private void assertEveryCaseGotItsReminderExactlyOnce() {
        // one case per invoice, each open and past its reminder; one process instance each
        assertThat(jdbc.sql("select count(*) from dunning_case").query(Long.class).single()).isEqualTo(CASES);
        assertThat(jdbc.sql("select count(distinct invoice_id) from dunning_case where status = 'OPEN' "
                + "and stage = 'REMINDER'").query(Long.class).single()).isEqualTo(CASES);
        List<ProcessInstance> instances = runtime.createProcessInstanceQuery().list();
        assertThat(instances).extracting(ProcessInstance::getBusinessKey).doesNotHaveDuplicates().hasSize(CASES);
        assertThat(runtime.createIncidentQuery().count()).as("incidents").isZero();

        // one reminder per case, delivered, its e-mail taken by the relay
        assertThat(jdbc.sql("select kind || ' ' || sequence || ' ' || status from notice").query(String.class).list())
                .hasSize(CASES).containsOnly("REMINDER 1 DELIVERED");
        assertThat(jdbc.sql("select count(distinct case_id) from notice").query(Long.class).single()).isEqualTo(CASES);
        List<Map<String, Object>> deliveries = jdbc.sql("select recipient, message_id, state from notice_delivery")
                .query().listOfRows();
        assertThat(deliveries).hasSize(CASES).allSatisfy(d -> assertThat(d.get("state")).isEqualTo("SENT"));

        // one e-mail per debtor, and each is the one on record
        Map<String, Long> mailsPerRecipient = new HashMap<>();
        List<String> ids = new ArrayList<>();
        for (MimeMessage mail : TestMail.received()) {
            try {
                mailsPerRecipient.merge(mail.getAllRecipients()[0].toString(), 1L, Long::sum);
                ids.add(mail.getMessageID());
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        assertThat(mailsPerRecipient).hasSize(CASES).allSatisfy((to, count) -> assertThat(count).as(to).isOne());
        assertThat(ids).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(
                deliveries.stream().map(d -> (String) d.get("message_id")).toList());
        assertThat(mailsPerRecipient.keySet()).isEqualTo(
                deliveries.stream().map(d -> (String) d.get("recipient")).collect(Collectors.toSet()));
    }

    private Map<Long, String> deliveryStates() {
        return jdbc.sql("select notice_id, state from notice_delivery")
                .query((rs, row) -> Map.entry(rs.getLong(1), rs.getString(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (x, y) -> x, TreeMap::new));
    }

    private String messageIdOf(long notice) {
        return jdbc.sql("select message_id from notice_delivery where notice_id = :id").param("id", notice)
                .query(String.class).single();
    }

    private static Set<String> mailIds() {
        Set<String> ids = new HashSet<>();
        for (MimeMessage mail : TestMail.received()) {
            try {
                ids.add(mail.getMessageID());
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return ids;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

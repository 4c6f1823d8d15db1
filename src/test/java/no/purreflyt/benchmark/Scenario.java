package no.purreflyt.benchmark;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.impl.cmd.AcquireJobsCmd;
import org.camunda.bpm.engine.impl.jobexecutor.AcquiredJobs;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The day-by-day life of {@code n} overdue invoices, driven the same way for Purreflyt and for the bare engine: start the
 * cases, then, stage by stage, move the clock to the next timer all waiting cases share and let the job executor work
 * until nothing is due; pay a tenth of the invoices along the way (a third of them after each of the first three
 * notices); approve the handovers a credit controller would approve. Every figure is wall-clock time on this machine.
 *
 * <p>A stage's notices are prepared when no timer and no "prepare" job of the day is left, delivered when no "deliver"
 * job is left either; the stage ends when no job at all is due.
 */
final class Scenario {

    record Stage(String name, long cases, double secondsToPrepared, double secondsToDelivered, double seconds) {

        boolean notices() {
            return !name.startsWith("handover");
        }
    }

    record Figures(String subject, int cases, int started, double startSeconds, double settleSeconds,
            Latencies idleAcquisition, List<Stage> stages, Latencies payments, double paymentFollowUpSeconds,
            int handovers, double handoverSeconds, double totalSeconds, long peakHeapBytes,
            List<HeapWatch.AfterGc> heapAfterGc, long databaseBytes, long failedJobs, Map<String, Long> outcome) {

        /** Whether the run went through every stage to the handovers (not stopped early by {@code -Dstages}). */
        boolean complete() {
            return stages.stream().anyMatch(s -> !s.notices());
        }

        double startsPerSecond() {
            return started / startSeconds;
        }

        long notices() {
            return stages.stream().filter(Stage::notices).mapToLong(Stage::cases).sum();
        }

        double noticesPreparedPerSecond() {
            return notices() / stages.stream().filter(Stage::notices).mapToDouble(Stage::secondsToPrepared).sum();
        }

        double noticesDeliveredPerSecond() {
            return notices() / stages.stream().filter(Stage::notices).mapToDouble(Stage::secondsToDelivered).sum();
        }

        double handoversPerSecond() {
            return handovers / handoverSeconds;
        }
    }

    /**
     * The business day the invoices are five days overdue on: fixed, so every run computes the same fees and interest
     * (from the rule tables shipped, which cover it) and the figures compare.
     */
    static final Instant START = java.time.ZonedDateTime.of(2026, 3, 2, 12, 0, 0, 0, java.time.ZoneId.of("Europe/Oslo"))
            .toInstant();
    /** How often the job table is looked at while a stage runs: the look costs the database too. */
    private static final long SAMPLE_MILLIS = 500;
    private static final Duration STAGE_TIMEOUT = Duration.ofHours(3);
    private static final Map<String, String> STAGE_NAMES = new LinkedHashMap<>();

    static {
        STAGE_NAMES.put("Event_ReminderDue", "free reminder");
        STAGE_NAMES.put("Event_PurringDue", "purring");
        STAGE_NAMES.put("Event_InkassovarselDue", "inkassovarsel");
        STAGE_NAMES.put("Event_HandoverDue", "handover");
    }

    private final Subject subject;
    private final int n;
    private final int noticeStageLimit;
    private final JdbcClient jdbc;
    private final Progress progress;

    /**
     * @param noticeStageLimit how many notice stages to run (with their payments) before stopping; more than the plan
     *                         has: every stage and the handovers
     */
    Scenario(Subject subject, int n, int noticeStageLimit, Progress progress) {
        if (noticeStageLimit < 1) {
            throw new IllegalArgumentException("A run goes through at least one notice stage, not " + noticeStageLimit);
        }
        this.subject = subject;
        this.n = n;
        this.noticeStageLimit = noticeStageLimit;
        this.jdbc = JdbcClient.create(subject.dataSource());
        this.progress = progress;
    }

    Figures run() {
        try (HeapWatch heap = new HeapWatch(); Background statistics = keepStatistics()) {
            long runStart = System.nanoTime();
            subject.moveClockTo(START);
            progress.say("%s: loading %,d customers and invoices", subject.name(), n);
            subject.load(n);
            analyze();
            heap.afterGc("loaded");

            progress.say("%s: starting the cases", subject.name());
            long t = System.nanoTime();
            int started = subject.startCases();
            double startSeconds = seconds(t);
            progress.say("%s: %,d cases started in %.1f s (%.0f/s)", subject.name(), started, startSeconds,
                    started / startSeconds);
            double settleSeconds = untilIdle("first decisions", t);
            analyze();
            heap.afterGc("cases started");

            Latencies acquisition = idleAcquisition(50);
            progress.say("%s: idle job acquisition with %,d cases waiting: p50 %.2f ms, p95 %.2f ms", subject.name(),
                    started, acquisition.millis(0.5), acquisition.millis(0.95));

            List<Stage> stages = new ArrayList<>();
            Latencies payments = new Latencies();
            double paymentFollowUp = 0;
            int handovers = 0;
            double handoverSeconds = 0;
            int noticeStages = 0;
            while (true) {
                Timestamp next = nextTimer();
                if (next == null) {
                    break;
                }
                Map<String, Long> firing = timersDue(next);
                String activity = firing.keySet().iterator().next();
                String name = STAGE_NAMES.entrySet().stream().filter(e -> activity.startsWith(e.getKey()))
                        .map(Map.Entry::getValue).findFirst()
                        .orElseThrow(() -> new IllegalStateException("An unexpected timer is next: " + firing));
                long cases = firing.values().stream().mapToLong(Long::longValue).sum();
                if (name.equals("handover")) {
                    Stage due = stage("handover due", cases, next);
                    stages.add(due);
                    long h = System.nanoTime();
                    handovers = approveHandovers();
                    untilIdle("handovers", h);
                    handoverSeconds = seconds(h);
                    progress.say("%s: %,d handovers approved and sent in %.1f s (%.0f/s)", subject.name(), handovers,
                            handoverSeconds, handovers / handoverSeconds);
                    heap.afterGc("handovers");
                    break;
                }
                long sameKind = stages.stream().filter(s -> s.name().startsWith(name)).count();
                Stage stage = stage(sameKind == 0 ? name : name + " " + (sameKind + 1), cases, next);
                stages.add(stage);
                analyze();
                Map<String, Long> waitingForAPerson = userTasks();
                if (!waitingForAPerson.isEmpty()) {
                    throw new IllegalStateException("After the " + stage.name() + ", cases wait for a person: "
                            + waitingForAPerson + "; the benchmark's plan sends every notice without review");
                }
                heap.afterGc(stage.name());
                noticeStages++;
                if (noticeStages <= 3) {
                    long p = System.nanoTime();
                    int paid = pay(noticeStages - 1, payments);
                    progress.say("%s: %,d payments correlated, p50 %.1f ms, p95 %.1f ms", subject.name(), paid,
                            payments.millis(0.5), payments.millis(0.95));
                    paymentFollowUp += untilIdle("cases closed by payment", p);
                }
                if (noticeStages >= noticeStageLimit) {
                    progress.say("%s: stopping after %d notice stage(s), as asked", subject.name(), noticeStages);
                    break;
                }
            }
            double total = seconds(runStart);
            return new Figures(subject.name(), n, started, startSeconds, settleSeconds, acquisition, stages, payments,
                    paymentFollowUp, handovers, handoverSeconds, total, heap.peakBytes(), heap.afterGc(),
                    databaseBytes(), failedJobs(), subject.outcome());
        }
    }

    /** One clock move and the work it sets off, until nothing is due. */
    private Stage stage(String name, long cases, Timestamp at) {
        progress.say("%s: %s for %,d cases (clock to %s)", subject.name(), name, cases, at);
        long t = System.nanoTime();
        subject.moveClockTo(at.toInstant().plusSeconds(1));
        Double prepared = null;
        Double delivered = null;
        long lastSay = t;
        while (true) {
            sleep(SAMPLE_MILLIS);
            Map<String, Long> due = dueJobs();
            boolean preparing = due.keySet().stream().anyMatch(a -> a.startsWith("Event_") || a.startsWith("Task_Prepare"));
            boolean delivering = due.keySet().stream().anyMatch(a -> a.startsWith("Task_Deliver"));
            if (!preparing && prepared == null) {
                prepared = seconds(t);
            }
            if (!preparing && !delivering && delivered == null) {
                delivered = seconds(t);
            }
            if (due.isEmpty()) {
                break;
            }
            if (System.nanoTime() - lastSay > 15_000_000_000L) {
                progress.say("%s: %s, %.0f s: jobs due %s", subject.name(), name, seconds(t), due);
                lastSay = System.nanoTime();
            }
            checkTimeout(t, name);
        }
        Stage stage = new Stage(name, cases, prepared, delivered, seconds(t));
        progress.say("%s: %s done in %.1f s (prepared after %.1f s, delivered after %.1f s: %.0f notices/s)",
                subject.name(), name, stage.seconds(), prepared, delivered, cases / delivered);
        return stage;
    }

    /** Pays a third of the tenth that pays: cases 0, 30, 60… after the first notice, 10, 40… after the second… */
    private int pay(int third, Latencies latencies) {
        int paid = 0;
        long wall = System.nanoTime();
        for (int i = third * 10; i < n; i += 30) {
            Runnable payment = subject.payment(i);
            long t = System.nanoTime();
            payment.run();
            latencies.add(System.nanoTime() - t);
            paid++;
        }
        latencies.wall(System.nanoTime() - wall);
        return paid;
    }

    private int approveHandovers() {
        List<String> tasks = jdbc.sql("select id_ from act_ru_task where task_def_key_ = 'Task_ApproveHandover'")
                .query(String.class).list();
        for (String task : tasks) {
            subject.approveHandover(task);
        }
        return tasks.size();
    }

    /**
     * Brings the planner's statistics up to date between stages, as autovacuum does on a PostgreSQL left at its
     * defaults. A server with autovacuum off (as some test machines are) would otherwise plan every query on tables it
     * believes empty: loading a case's variables then reads the whole variable table (50 ms instead of 0.1 ms).
     */
    private void analyze() {
        long t = System.nanoTime();
        jdbc.sql("analyze").update();
        progress.say("%s: statistics updated (ANALYZE, %.1f s)", subject.name(), seconds(t));
    }

    /**
     * Where the server's autovacuum is off, does its work: VACUUM ANALYZE every 30 seconds while the run goes on, as
     * autovacuum (a minute's nap, tables changed by a fifth) would about as often while the tables grow and churn.
     * Without the VACUUM the job table keeps every deleted job's index entries: after 100 000 starts the idle
     * acquisition took 6.5 ms, reading the entries of some 200 000 deleted jobs; vacuumed, the same poll takes 0.5 ms in
     * the database.
     */
    private Background keepStatistics() {
        if ("on".equals(jdbc.sql("show autovacuum").query(String.class).single())) {
            return () -> { };
        }
        var analyser = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "analyse");
            thread.setDaemon(true);
            return thread;
        });
        analyser.scheduleWithFixedDelay(() -> jdbc.sql("vacuum (analyze)").update(), 30, 30,
                java.util.concurrent.TimeUnit.SECONDS);
        return analyser::shutdownNow;
    }

    /** Waits until no job is due; answers the seconds since {@code since}. */
    private double untilIdle(String what, long since) {
        long lastSay = System.nanoTime();
        while (true) {
            Map<String, Long> due = dueJobs();
            if (due.isEmpty()) {
                return seconds(since);
            }
            if (System.nanoTime() - lastSay > 15_000_000_000L) {
                progress.say("%s: %s, %.0f s: jobs due %s", subject.name(), what, seconds(since), due);
                lastSay = System.nanoTime();
            }
            checkTimeout(since, what);
            sleep(SAMPLE_MILLIS);
        }
    }

    /** The jobs the executor could take now (or has taken), by the activity they belong to. */
    private Map<String, Long> dueJobs() {
        Map<String, Long> due = new TreeMap<>();
        jdbc.sql("""
                select coalesce(d.act_id_, j.handler_type_) as activity, count(*) as jobs
                from act_ru_job j left join act_ru_jobdef d on d.id_ = j.job_def_id_
                where j.retries_ > 0 and (j.duedate_ is null or j.duedate_ <= ?)
                group by coalesce(d.act_id_, j.handler_type_)""")
                .param(engineNow())
                .query((rs, row) -> due.put(rs.getString("activity"), rs.getLong("jobs"))).list();
        return due;
    }

    private Timestamp nextTimer() {
        return jdbc.sql("""
                select min(duedate_) from act_ru_job
                where handler_type_ like 'timer%' and process_instance_id_ is not null and retries_ > 0 and duedate_ > ?""")
                .param(engineNow()).query(Timestamp.class).optional().orElse(null);
    }

    private Map<String, Long> timersDue(Timestamp at) {
        Map<String, Long> firing = new TreeMap<>();
        jdbc.sql("""
                select d.act_id_ as activity, count(*) as jobs
                from act_ru_job j join act_ru_jobdef d on d.id_ = j.job_def_id_
                where j.handler_type_ like 'timer%' and j.retries_ > 0 and j.duedate_ <= ? group by d.act_id_""")
                .param(at).query((rs, row) -> firing.put(rs.getString("activity"), rs.getLong("jobs"))).list();
        return firing;
    }

    private Map<String, Long> userTasks() {
        Map<String, Long> tasks = new TreeMap<>();
        jdbc.sql("select task_def_key_, count(*) as n from act_ru_task group by task_def_key_")
                .query((rs, row) -> tasks.put(rs.getString(1), rs.getLong(2))).list();
        return tasks;
    }

    private long failedJobs() {
        return jdbc.sql("select count(*) from act_ru_job where retries_ = 0").query(Long.class).single();
    }

    private long databaseBytes() {
        return jdbc.sql("select pg_database_size(current_database())").query(Long.class).single();
    }

    /**
     * The job executor's own acquisition query, run as it runs it when idle (nothing due: it finds no job), timed
     * {@code times} times.
     */
    private Latencies idleAcquisition(int times) {
        var engine = subject.engine();
        Latencies latencies = new Latencies();
        for (int i = 0; i < times; i++) {
            long t = System.nanoTime();
            AcquiredJobs acquired = engine.getCommandExecutorTxRequired().execute(new AcquireJobsCmd(engine.getJobExecutor()));
            latencies.add(System.nanoTime() - t);
            if (acquired.size() > 0) {
                throw new IllegalStateException("The acquisition found jobs although every case should be waiting");
            }
        }
        return latencies;
    }

    private static Timestamp engineNow() {
        return new Timestamp(ClockUtil.getCurrentTime().getTime());
    }

    private static void checkTimeout(long since, String what) {
        if (System.nanoTime() - since > STAGE_TIMEOUT.toNanos()) {
            throw new IllegalStateException(what + " did not finish within " + STAGE_TIMEOUT);
        }
    }

    static double seconds(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1e9;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Work beside the run that ends with it. */
    interface Background extends AutoCloseable {
        @Override
        void close();
    }

    /** Where a run says what it does: stdout, with the time since the benchmark started. */
    static final class Progress {
        private final long start = System.nanoTime();

        void say(String format, Object... args) {
            System.out.printf("[%6.0f s] %s%n", seconds(start), String.format(format, args));
        }
    }
}

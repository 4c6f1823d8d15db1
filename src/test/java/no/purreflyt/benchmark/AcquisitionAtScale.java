package no.purreflyt.benchmark;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import no.purreflyt.process.JobAcquisitionIndex;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cmd.AcquireJobsCmd;
import org.camunda.bpm.engine.impl.jobexecutor.AcquiredJobs;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * How long the job executor's poll takes when nothing is due but many timers wait: Purreflyt's cases spend most of
 * their life as a timer a week or more ahead, and every node polls for due jobs all the time. Measured on a bare
 * engine on a scratch database, with 100 000 and then {@code waiting} timer jobs due within the next 30 days, each
 * time without and with an index on {@code ACT_RU_JOB(DUEDATE_)} (Camunda's schema has none), together with
 * PostgreSQL's plan for the poll's query.
 *
 * <p>The timers are written straight into {@code ACT_RU_JOB}: no process runs here, the poll only has to look past
 * them, and starting a million cases would take an hour. The "under N ms" targets are read at the 95th percentile.
 */
record AcquisitionAtScale(List<Poll> polls) {

    static final String INDEX = JobAcquisitionIndex.NAME;
    private static final int FIRST = 100_000;
    private static final int WARM_UP = 5;
    private static final int TIMED = 30;
    private static final int MAX_JOBS_PER_ACQUISITION = 3;

    /**
     * The poll's query as MyBatis runs it on PostgreSQL with the engine's defaults: statement
     * {@code selectNextJobsToExecute} of {@code org/camunda/bpm/engine/impl/mapping/entity/Job.xml} in camunda-engine
     * 7.24 (no ordering, not deployment-aware, no priority range, history clean-up enabled, exclusive jobs per process
     * instance). {@code %1$s} stands where MyBatis binds the engine's "now", {@code %2$s} for the jobs per acquisition.
     */
    static final String ACQUISITION_QUERY = """
            select RES.ID_, RES.REV_, RES.DUEDATE_, RES.PROCESS_INSTANCE_ID_, RES.EXCLUSIVE_
            from ACT_RU_JOB RES
            where (RES.RETRIES_ > 0)
              and (RES.DUEDATE_ is null or RES.DUEDATE_ <= %1$s)
              and (RES.LOCK_OWNER_ is null or RES.LOCK_EXP_TIME_ < %1$s)
              and RES.SUSPENSION_STATE_ = 1
              and ((RES.EXCLUSIVE_ = true
                  and not exists(
                    select J2.ID_
                    from ACT_RU_JOB J2
                    where J2.PROCESS_INSTANCE_ID_ = RES.PROCESS_INSTANCE_ID_
                    and (J2.EXCLUSIVE_ = true)
                    and (J2.LOCK_OWNER_ is not null and J2.LOCK_EXP_TIME_ >= %1$s)
                  ))
                or RES.EXCLUSIVE_ = false)
            LIMIT %2$s OFFSET 0""";

    /** A plan of the poll's query: its nodes (see {@link #nodeLines}), and whether PostgreSQL compiled it with JIT. */
    record Plan(List<String> nodes, boolean jit) {

        static Plan of(List<String> explained) {
            return new Plan(nodeLines(explained), explained.stream().anyMatch(l -> l.strip().startsWith("JIT:")));
        }

        String top() {
            return nodes.size() > 1 ? nodes.get(1).replace("->", "").strip() : nodes.get(0);
        }
    }

    /**
     * The timed polls with this many timers waiting, without or with the index. On a connection's first executions
     * PostgreSQL plans the poll for the engine's "now" ({@code custom}); from the sixth execution of the prepared
     * statement on it may keep one plan for any "now" ({@code generic}). {@code customPlans} and {@code genericPlans}
     * say how often the polls ran on each, as PostgreSQL counted them.
     */
    record Poll(long waiting, boolean index, Latencies latencies, Plan custom, Plan generic, long customPlans,
            long genericPlans) {

        double p50() {
            return latencies.millis(0.5);
        }

        double p95() {
            return latencies.millis(0.95);
        }
    }

    /**
     * Builds the engine's schema in the (empty) database at {@code url}, fills it with timers in two steps and times
     * the poll after each. Takes a few minutes for a million timers, most of it in the inserts.
     */
    static AcquisitionAtScale measure(String url, String user, String password, long waiting,
            Scenario.Progress progress) throws SQLException {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(url);
        dataSource.setUsername(user);
        dataSource.setPassword(password);
        dataSource.setMaximumPoolSize(2);
        dataSource.setAutoCommit(false);
        DefaultJobExecutor jobExecutor = new DefaultJobExecutor();
        jobExecutor.setMaxJobsPerAcquisition(MAX_JOBS_PER_ACQUISITION);
        StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
        configuration.setDataSource(dataSource);
        configuration.setDatabaseSchemaUpdate("true");
        configuration.setHistory("full");
        configuration.setJobExecutor(jobExecutor);
        configuration.setJobExecutorActivate(false);
        ProcessEngine engine = null;
        try (Connection sql = DriverManager.getConnection(url, user, password)) {
            engine = configuration.buildProcessEngine();
            List<Poll> polls = new ArrayList<>();
            long inserted = 0;
            for (long count : waiting > FIRST ? List.of((long) FIRST, waiting) : List.of(waiting)) {
                execute(sql, "drop index if exists " + INDEX);
                long t = System.nanoTime();
                insertTimers(sql, inserted + 1, count);
                execute(sql, "vacuum analyze act_ru_job");
                progress.say("acquisition at scale: %,d timers waiting (inserted and analysed in %.0f s)", count,
                        Scenario.seconds(t));
                inserted = count;
                for (boolean index : List.of(false, true)) {
                    if (index) {
                        execute(sql, JobAcquisitionIndex.CREATE);
                        execute(sql, "analyze act_ru_job");
                    } else {
                        execute(sql, "drop index if exists " + INDEX);
                    }
                    // new connections: a connection's prepared poll keeps the choice of plan it made before the index
                    // came or went (a node's connections would see one schema from their start)
                    dataSource.getHikariPoolMXBean().softEvictConnections();
                    Poll poll = poll(configuration, jobExecutor, dataSource, sql, count, index);
                    polls.add(poll);
                    progress.say("acquisition at scale: %,d waiting, %s index: p50 %.2f ms, p95 %.2f ms; %d custom "
                                    + "plans%s (%s), %d generic (%s)", count, index ? "with the" : "without an",
                            poll.p50(), poll.p95(), poll.customPlans(), poll.custom().jit() ? " with JIT" : "",
                            poll.custom().top(), poll.genericPlans(), poll.generic().top());
                }
            }
            return new AcquisitionAtScale(polls);
        } finally {
            if (engine != null) {
                engine.close();
            }
            dataSource.close();
        }
    }

    /**
     * Timer jobs {@code from} to {@code to} (numbers in their ids), each of a process instance of its own, due at
     * moments scattered over the 30 days after the engine's next hour (7 919 is prime to the 2 592 000 seconds of 30
     * days). The engine's clock, not the database's: a benchmark run before may have left it moved.
     */
    private static void insertTimers(Connection sql, long from, long to) throws SQLException {
        try (PreparedStatement insert = sql.prepareStatement("""
                insert into act_ru_job (id_, rev_, type_, exclusive_, execution_id_, process_instance_id_,
                    root_proc_inst_id_, retries_, duedate_, handler_type_, suspension_state_, priority_,
                    sequence_counter_, create_time_)
                select 'timer-' || g, 1, 'timer', true, 'execution-' || g, 'instance-' || g, 'instance-' || g, 3,
                    ?::timestamp + interval '1 hour' + (g * 7919 % 2592000) * interval '1 second',
                    'timer-intermediate-transition', 1, 0, 1, now()
                from generate_series(?::bigint, ?::bigint) g""")) {
            insert.setTimestamp(1, new Timestamp(ClockUtil.getCurrentTime().getTime()));
            insert.setLong(2, from);
            insert.setLong(3, to);
            insert.executeUpdate();
        }
    }

    private static Poll poll(ProcessEngineConfigurationImpl engine, DefaultJobExecutor jobExecutor,
            HikariDataSource pool, Connection sql, long waiting, boolean index) throws SQLException {
        for (int i = 0; i < WARM_UP; i++) {
            acquire(engine, jobExecutor);
        }
        Latencies latencies = new Latencies();
        for (int i = 0; i < TIMED; i++) {
            long t = System.nanoTime();
            acquire(engine, jobExecutor);
            latencies.add(System.nanoTime() - t);
        }
        long[] plans = plansOfThePoll(pool);
        String now = "timestamp '" + new Timestamp(ClockUtil.getCurrentTime().getTime()) + "'";
        Plan custom = Plan.of(query(sql, "explain (analyze, buffers off) "
                + ACQUISITION_QUERY.formatted(now, MAX_JOBS_PER_ACQUISITION)));
        execute(sql, "set plan_cache_mode = force_generic_plan");
        execute(sql, "prepare purreflyt_acquisition(timestamp, integer) as " + ACQUISITION_QUERY.formatted("$1", "$2"));
        Plan generic = Plan.of(query(sql, "explain (analyze, buffers off) execute purreflyt_acquisition(" + now + ", "
                + MAX_JOBS_PER_ACQUISITION + ")"));
        execute(sql, "deallocate purreflyt_acquisition");
        execute(sql, "reset plan_cache_mode");
        return new Poll(waiting, index, latencies, custom, generic, plans[0], plans[1]);
    }

    private static void acquire(ProcessEngineConfigurationImpl engine, DefaultJobExecutor jobExecutor) {
        AcquiredJobs acquired = engine.getCommandExecutorTxRequired().execute(new AcquireJobsCmd(jobExecutor));
        if (acquired.size() > 0) {
            throw new IllegalStateException("The acquisition found jobs although every timer is due in the future");
        }
    }

    /**
     * How often the poll ran on a custom and on a generic plan, as PostgreSQL counts them for each connection of the
     * pool (the driver prepares a statement on the server from its fifth execution on; earlier ones are not counted).
     */
    private static long[] plansOfThePoll(HikariDataSource pool) throws SQLException {
        long[] plans = new long[2];
        List<Connection> all = new ArrayList<>();
        try {
            for (int i = 0; i < pool.getMaximumPoolSize(); i++) {
                Connection c = pool.getConnection();
                all.add(c);
                try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("""
                        select coalesce(sum(custom_plans), 0), coalesce(sum(generic_plans), 0)
                        from pg_prepared_statements where statement like '%from ACT_RU_JOB RES%'""")) {
                    r.next();
                    plans[0] += r.getLong(1);
                    plans[1] += r.getLong(2);
                }
                c.rollback();
            }
        } finally {
            for (Connection c : all) {
                c.close();
            }
        }
        return plans;
    }

    private static List<String> query(Connection sql, String query) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Statement s = sql.createStatement(); ResultSet r = s.executeQuery(query)) {
            while (r.next()) {
                lines.add(r.getString(1));
            }
        }
        return lines;
    }

    /**
     * The plan's nodes, without their cost estimates and loop counts (the first line, each line with an arrow and
     * the subplans), then the execution time: enough to see which scan the poll does and what it costs.
     */
    static List<String> nodeLines(List<String> explained) {
        List<String> nodes = new ArrayList<>();
        for (int i = 0; i < explained.size(); i++) {
            String line = explained.get(i);
            if (i == 0 || line.contains("->") || line.strip().startsWith("SubPlan")) {
                nodes.add(line.replaceAll("\\s*\\(cost=[^)]*\\)", "").replaceAll(" loops=\\d+", ""));
            } else if (line.startsWith("Execution Time")) {
                nodes.add(line);
            }
        }
        return nodes;
    }

    /** The poll with or without the index at the most timers measured. */
    private Poll largest(boolean index) {
        return polls.stream().filter(p -> p.index() == index).reduce((a, b) -> b).orElseThrow();
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("Job acquisition with timers waiting (bare engine, ").append(MAX_JOBS_PER_ACQUISITION)
                .append(" jobs per acquisition, ").append(TIMED).append(" idle polls after ").append(WARM_UP)
                .append(" to warm up, on new connections; index `").append(INDEX)
                .append("` on `ACT_RU_JOB(DUEDATE_)`):\n\n");
        md.append("| waiting timers | without index p50 / p95 (ms) | with index p50 / p95 (ms) |\n|---:|---:|---:|\n");
        for (Poll without : polls.stream().filter(p -> !p.index()).toList()) {
            Poll with = polls.stream().filter(p -> p.index() && p.waiting() == without.waiting()).findFirst()
                    .orElseThrow();
            md.append("| ").append(Results.f0(without.waiting())).append(" | ")
                    .append(Results.f2(without.p50())).append(" / ").append(Results.f2(without.p95())).append(" | ")
                    .append(Results.f2(with.p50())).append(" / ").append(Results.f2(with.p95())).append(" |\n");
        }
        md.append("""

                PostgreSQL's plans for the poll's query (EXPLAIN ANALYZE): the custom plan for the engine's "now", which \
                a connection's first executions run, and the generic plan PostgreSQL may keep from the sixth execution \
                of the prepared statement on; the counts are PostgreSQL's for the polls' prepared statement.

                """);
        for (Poll poll : polls) {
            md.append("- ").append(Results.f0(poll.waiting())).append(" waiting, ")
                    .append(poll.index() ? "with the index" : "without an index").append(": ")
                    .append(poll.customPlans()).append(" custom, ").append(poll.genericPlans()).append(" generic plans")
                    .append("\n\n```\ncustom").append(poll.custom().jit() ? " (JIT compiled it)" : "").append(":\n")
                    .append(String.join("\n", poll.custom().nodes())).append("\ngeneric")
                    .append(poll.generic().jit() ? " (JIT compiled it)" : "").append(":\n")
                    .append(String.join("\n", poll.generic().nodes())).append("\n```\n");
        }
        return md.toString();
    }

    List<String[]> targets() {
        Poll indexed = largest(true);
        List<String[]> targets = new ArrayList<>();
        targets.add(Results.target("idle acquisition poll under 5 ms with " + Results.f0(indexed.waiting())
                        + " waiting (with the index)",
                "p50 " + Results.f2(indexed.p50()) + " / p95 " + Results.f2(indexed.p95()) + " ms",
                indexed.p95() < 5, 5 / indexed.p95()));
        // the tuning's target: Purreflyt's schema, with the index (the table above shows Camunda's without it)
        List<Poll> withIndex = polls.stream().filter(Poll::index).toList();
        double worst = withIndex.stream().mapToDouble(Poll::p95).max().orElse(Double.NaN);
        targets.add(Results.target("acquisition under 10 ms with "
                        + withIndex.stream().map(p -> Results.f0(p.waiting())).collect(Collectors.joining(" and with "))
                        + " waiting (with the index)",
                withIndex.stream().map(p -> Results.f0(p.waiting()) + ": p50 " + Results.f2(p.p50()) + " / p95 "
                        + Results.f2(p.p95()) + " ms").collect(Collectors.joining("; ")),
                worst < 10, 10 / worst));
        return targets;
    }

    private static void execute(Connection sql, String statement) throws SQLException {
        try (Statement s = sql.createStatement()) {
            s.execute(statement);
        }
    }
}

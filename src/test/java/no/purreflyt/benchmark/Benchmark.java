package no.purreflyt.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * The benchmark (README, "How fast it is"): Purreflyt's life of N overdue invoices against PostgreSQL, then the same
 * scenario on the bare engine with no-op delegates, then the job acquisition with a million waiting timers and the
 * application's start-up with -Xmx256m. Prints its progress and the results, and writes them to
 * {@code benchmark/RESULTS.md}.
 *
 * <p>Settings (system properties): {@code cases} (10 000), {@code benchmark.db} (the server,
 * {@code jdbc:postgresql://127.0.0.1:5432/}), {@code benchmark.db.user} (postgres), {@code benchmark.db.password},
 * {@code benchmark.results} (benchmark/RESULTS.md), {@code benchmark.waiting} (1 000 000: the timers for the
 * acquisition test), {@code benchmark.nodes} (1: how many Purreflyt nodes share the
 * database, the second and further each a JVM of its own), {@code benchmark.probes} (false: leave out the acquisition
 * test and the start-up probe, for a quick tuning run), {@code benchmark.stages} (all, or how many notice stages to go
 * through before stopping: a shorter run at a larger scale), {@code benchmark.baseline} (false: leave out the engine
 * alone), and Purreflyt properties for the tuning runs as {@code benchmark.app=key=value,key=value}.
 * The databases {@code purreflyt_bench}, {@code purreflyt_bench_engine} and {@code purreflyt_bench_jobs} are dropped and
 * created again.
 */
public final class Benchmark {

    private Benchmark() {
    }

    public static void main(String[] args) {
        try {
            run();
            System.exit(0);
        } catch (Throwable e) {
            // the SMTP sink's and the engines' threads would keep the JVM alive after a failure
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void run() throws Exception {
        Settings settings = Settings.fromSystemProperties();
        Scenario.Progress progress = new Scenario.Progress();
        progress.say("Benchmark: %,d cases on %s", settings.cases(), settings.server());
        Files.createDirectories(settings.work());

        recreate(settings, "purreflyt_bench");
        Scenario.Figures purreflyt;
        JobSettings jobs;
        try (Purreflyt app = new Purreflyt(settings.url("purreflyt_bench"), settings.user(), settings.password(),
                settings.work(), settings.appProperties(), settings.nodes(), progress)) {
            jobs = app.jobSettings();
            progress.say("Purreflyt runs with %s", jobs.describe());
            purreflyt = new Scenario(app, settings.cases(), settings.stages(), progress).run();
        }

        Scenario.Figures engine = null;
        if (settings.baseline()) {
            recreate(settings, "purreflyt_bench_engine");
            try (EngineAlone alone = new EngineAlone(settings.url("purreflyt_bench_engine"), settings.user(),
                    settings.password(), jobs, settings.cases())) {
                engine = new Scenario(alone, settings.cases(), settings.stages(), progress).run();
            }
        }

        Results results = new Results(settings, jobs, purreflyt, engine, describeServer(settings));
        if (settings.probes()) {
            recreate(settings, "purreflyt_bench_jobs");
            AcquisitionAtScale acquisition = AcquisitionAtScale.measure(settings.url("purreflyt_bench_jobs"),
                    settings.user(), settings.password(), settings.waiting(), progress);
            // on the database Purreflyt's run filled, as a node restarted after a day's work would find it
            StartupProbe startup = StartupProbe.measure(settings.url("purreflyt_bench"), settings.user(),
                    settings.password(), settings.work(), progress);
            results.add(acquisition.markdown(), acquisition.targets());
            results.add(startup.markdown(), startup.targets());
        }
        String table = results.markdown();
        System.out.println();
        System.out.println(table);
        results.write(settings.results());
        progress.say("Written to %s", settings.results().toAbsolutePath());
    }

    static void recreate(Settings settings, String database) throws SQLException {
        try (Connection c = DriverManager.getConnection(settings.url("postgres"), settings.user(), settings.password());
                Statement s = c.createStatement()) {
            s.execute("drop database if exists " + database + " with (force)");
            s.execute("create database " + database);
        }
    }

    /** The PostgreSQL version and whether it keeps its statistics itself. */
    static String describeServer(Settings settings) throws SQLException {
        try (Connection c = DriverManager.getConnection(settings.url("postgres"), settings.user(), settings.password());
                Statement s = c.createStatement()) {
            var version = s.executeQuery("show server_version");
            version.next();
            String v = version.getString(1);
            var autovacuum = s.executeQuery("show autovacuum");
            autovacuum.next();
            return "PostgreSQL " + v + " on the same machine, autovacuum " + autovacuum.getString(1)
                    + ("on".equals(autovacuum.getString(1)) ? " (and the benchmark runs ANALYZE after loading and after each stage)"
                    : " (the benchmark runs VACUUM ANALYZE every 30 s and ANALYZE after loading and after each stage, as "
                    + "autovacuum would)");
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Settings(int cases, String server, String user, String password, Path results, Path work, int waiting,
            boolean probes, int nodes, int stages, boolean baseline, Map<String, String> appProperties) {

        static Settings fromSystemProperties() {
            Map<String, String> app = new java.util.TreeMap<>();
            for (String pair : System.getProperty("benchmark.app", "").split(",")) {
                if (!pair.isBlank()) {
                    int eq = pair.indexOf('=');
                    if (eq < 1) {
                        throw new IllegalArgumentException("benchmark.app takes key=value,key=value; not " + pair);
                    }
                    app.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
                }
            }
            return new Settings(
                    Integer.parseInt(System.getProperty("cases", "10000").replace("_", "")),
                    System.getProperty("benchmark.db", "jdbc:postgresql://127.0.0.1:5432/"),
                    System.getProperty("benchmark.db.user", "postgres"),
                    System.getProperty("benchmark.db.password", ""),
                    Path.of(System.getProperty("benchmark.results", "benchmark/RESULTS.md")),
                    Path.of(System.getProperty("benchmark.work", "target/benchmark")),
                    Integer.parseInt(System.getProperty("benchmark.waiting", "1000000").replace("_", "")),
                    !"false".equals(System.getProperty("benchmark.probes")),
                    Integer.parseInt(System.getProperty("benchmark.nodes", "1")),
                    stages(System.getProperty("benchmark.stages", "all")),
                    !"false".equals(System.getProperty("benchmark.baseline")),
                    app);
        }

        /** "all" (every stage and the handovers) or how many notice stages a shorter run goes through. */
        private static int stages(String value) {
            return value.isBlank() || value.equals("all") ? Integer.MAX_VALUE : Integer.parseInt(value);
        }

        String url(String database) {
            return server + database;
        }
    }
}

package no.purreflyt.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Purreflyt's start-up as an operator runs it with a small heap: a JVM of its own with {@code -Xmx256m}, laid out as
 * the Docker image lays it out (the jar extracted with its libraries beside it, and a class data sharing archive from
 * a training run, see {@link #imageLayout}), the postgres profile and the job executor on, pointed at a database the
 * benchmark filled. Measures the wall time until
 * {@code /actuator/health/readiness} answers 200 (what a load balancer waits for), the time Spring Boot reports, and
 * the process's resident memory once ready and again after 20 s idle. Twice: the first start may read the jars from
 * a cold file cache, the second shows the start-up a restart gets.
 *
 * <p>Each start's log goes to {@code startup-N.log} in the work directory.
 */
record StartupProbe(List<Start> starts) {

    static final String HEAP = "-Xmx256m";
    /**
     * The JVM options of a small node, as the README gives them: a 256 MB heap gains nothing from G1, whose own
     * bookkeeping costs about 20 MB resident (the JVM itself picks SerialGC below 1 792 MB or 2 cores).
     */
    static final List<String> SMALL_NODE = List.of(HEAP, "-XX:+UseSerialGC");
    private static final Duration IDLE = Duration.ofSeconds(20);
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);
    private static final Pattern STARTED = Pattern.compile("Started PurreflytApplication in ([0-9.]+) seconds");

    /** One start: seconds to ready (wall) and as Spring Boot logs them, and the resident memory in kB. */
    record Start(int number, double readySeconds, double reportedSeconds, long rssReadyKb, long hwmReadyKb,
            long rssIdleKb, long hwmIdleKb, Path log) {

        long highestRssKb() {
            return Math.max(rssReadyKb, rssIdleKb);
        }
    }

    /**
     * The probe alone, on the database the last benchmark run filled: {@code mvn -Pbenchmark verify
     * -Dbenchmark.main=no.purreflyt.benchmark.StartupProbe}. Prints its table and targets.
     */
    public static void main(String[] args) {
        Benchmark.Settings settings = Benchmark.Settings.fromSystemProperties();
        StartupProbe probe = measure(settings.url("purreflyt_bench"), settings.user(), settings.password(),
                settings.work(), new Scenario.Progress());
        System.out.println();
        System.out.println(probe.markdown());
        probe.targets().forEach(t -> System.out.println("| " + String.join(" | ", t) + " |"));
        System.exit(0);
    }

    static StartupProbe measure(String url, String user, String password, Path work, Scenario.Progress progress) {
        long t = System.nanoTime();
        List<String> application = imageLayout(work.resolve("image"));
        progress.say("start-up: the jar extracted and its class data sharing archive written in %.1f s",
                Scenario.seconds(t));
        List<Start> starts = new ArrayList<>();
        for (int n = 1; n <= 2; n++) {
            Start start = start(n, application, url, user, password, work);
            progress.say("start-up %d: ready after %.1f s (Spring Boot: started in %.1f s); resident %s MB when ready, "
                            + "%s MB after %d s idle (peak %s MB)", n, start.readySeconds(), start.reportedSeconds(),
                    mb(start.rssReadyKb()), mb(start.rssIdleKb()), IDLE.toSeconds(), mb(start.hwmIdleKb()));
            starts.add(start);
        }
        return new StartupProbe(starts);
    }

    /**
     * What the Docker image does at build time ({@code Dockerfile}): the Spring Boot jar extracted as a thin jar with
     * its libraries beside it, then a training run that starts the application context on an in-memory H2 database
     * and exits ({@code -Dspring.context.exit=onRefresh}), writing the classes it loaded to a class data sharing
     * archive. Answers the JVM arguments that start the application so; {@code -Xshare:on} makes a JVM that cannot
     * use the archive stop instead of measuring a start without it.
     */
    static List<String> imageLayout(Path directory) {
        Path jar = Path.of(System.getProperty("benchmark.jar", "target/purreflyt.jar")).toAbsolutePath();
        directory = directory.toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No application jar at " + jar + ": run the benchmark through Maven "
                    + "(mvn -Pbenchmark verify), which packages it");
        }
        Path archive = directory.resolve("purreflyt.jsa");
        Path thinJar = directory.resolve("purreflyt.jar");
        run(directory.resolve("extract.log"), java("-Djarmode=tools", "-jar", jar.toString(), "extract", "--force",
                "--application-filename", "purreflyt.jar", "--destination", directory.toString()));
        try {
            Files.deleteIfExists(archive);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        run(directory.resolve("training.log"), java("-XX:ArchiveClassesAtExit=" + archive,
                "-Dspring.context.exit=onRefresh", "-jar", thinJar.toString(),
                "--spring.datasource.url=jdbc:h2:mem:training", "--server.port=0",
                "--purreflyt.mail-sink.enabled=false"));
        if (!Files.isRegularFile(archive)) {
            throw new IllegalStateException("The training run wrote no archive; see " + directory.resolve("training.log"));
        }
        return List.of("-Xshare:on", "-XX:SharedArchiveFile=" + archive, "-jar", thinJar.toString());
    }

    private static List<String> java(String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(arguments));
        return command;
    }

    private static void run(Path log, List<String> command) {
        try {
            Files.createDirectories(log.getParent());
            // in the log's directory: what the run leaves in its working directory stays there
            Process process = new ProcessBuilder(command).directory(log.getParent().toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            if (!process.waitFor(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("Still running after " + READY_TIMEOUT + ": " + command);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("Exit " + process.exitValue() + " from " + command + ":\n" + tail(log));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The application from the benchmark's own class path, as Maven built it (no archive): for further nodes. */
    static List<String> onClassPath() {
        return List.of("-cp", System.getProperty("benchmark.runtime.classpath", System.getProperty("java.class.path")),
                "no.purreflyt.PurreflytApplication");
    }

    private static Start start(int number, List<String> application, String url, String user, String password,
            Path work) {
        int port = Benchmark.freePort();
        // the relay: a port nobody listens on, as none of the start-up sends mail (readiness does not ask for it)
        int mailPort = Benchmark.freePort();
        Path log = work.resolve("startup-" + number + ".log");
        long t = System.nanoTime();
        List<String> jvm = new ArrayList<>(SMALL_NODE);
        jvm.addAll(application);
        Process process = launch(jvm, port, url, user, password, work, mailPort, Map.of(), log);
        try {
            double ready = awaitReady(process, port, log, t);
            long[] atReady = memoryKb(process);
            Scenario.sleep(IDLE.toMillis());
            long[] idle = memoryKb(process);
            return new Start(number, ready, reportedSeconds(log), atReady[0], atReady[1], idle[0], idle[1], log);
        } finally {
            stop(process);
        }
    }

    /**
     * Purreflyt as a JVM of its own on the given database, as an operator starts it: the postgres profile, its job
     * executor on, the daily run left to the benchmark, the business clock adjustable (it follows the stored one).
     * {@code jvm} is the JVM's options followed by what it runs ({@link #onClassPath()}, {@link #imageLayout}).
     */
    static Process launch(List<String> jvm, int port, String url, String user, String password, Path work, int mailPort,
            Map<String, String> properties, Path log) {
        List<String> command = java();
        command.addAll(jvm);
        command.addAll(List.of("--spring.profiles.active=postgres",
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + user,
                "--spring.datasource.password=" + password,
                "--server.port=" + port,
                "--purreflyt.demo.enabled=false",
                "--purreflyt.mail-sink.enabled=false",
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + mailPort,
                "--purreflyt.clock.adjustable=true",
                "--purreflyt.case-starter.scheduled=false",
                "--PURREFLYT_COLLECTION_EXPORT_DIRECTORY=" + work.resolve("agency-exports")));
        properties.forEach((key, value) -> command.add("--" + key + "=" + value));
        try {
            Files.createDirectories(work);
            return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start Purreflyt", e);
        }
    }

    /** Polls the readiness probe every 100 ms; answers the seconds from the process's start to its first 200. */
    static double awaitReady(Process process, int port, Path log, long since) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest readiness = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/actuator/health/readiness")).timeout(Duration.ofSeconds(2)).GET().build();
        while (System.nanoTime() - since < READY_TIMEOUT.toNanos()) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Purreflyt ended during its start (exit " + process.exitValue()
                        + "):\n" + tail(log));
            }
            try {
                if (http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return Scenario.seconds(since);
                }
            } catch (IOException notYet) {
                // not listening yet, or too busy starting to answer in time
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            Scenario.sleep(100);
        }
        throw new IllegalStateException("Purreflyt was not ready after " + READY_TIMEOUT + ":\n" + tail(log));
    }

    /** VmRSS and VmHWM (the highest resident size so far) of the process, in kB. */
    private static long[] memoryKb(Process process) {
        long rss = -1;
        long hwm = -1;
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss = kb(line);
                } else if (line.startsWith("VmHWM:")) {
                    hwm = kb(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the memory of process " + process.pid() + " (not Linux?)", e);
        }
        return new long[] {rss, hwm};
    }

    private static long kb(String statusLine) {
        return Long.parseLong(statusLine.replaceAll("[^0-9]", ""));
    }

    private static double reportedSeconds(Path log) {
        try {
            Matcher m = STARTED.matcher(Files.readString(log, StandardCharsets.UTF_8));
            return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
        } catch (IOException e) {
            return Double.NaN;
        }
    }

    /** As an operator stops it: SIGTERM, and SIGKILL when it has not ended after 20 s. */
    static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private long highestRssKb() {
        return starts.stream().mapToLong(Start::highestRssKb).max().orElse(0);
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("Start-up as an operator runs it (`java ").append(String.join(" ", SMALL_NODE))
                .append(" -Xshare:on -XX:SharedArchiveFile=purreflyt.jsa -jar purreflyt.jar`, the jar extracted and its ")
                .append("class data sharing archive written as the Docker image does, postgres profile, job executor on, ")
                .append("on the benchmark's database):\n\n");
        md.append("| start | ready (s, until /actuator/health/readiness answers 200) | Spring Boot's \"Started in\" (s) ")
                .append("| resident when ready (MB) | resident after ").append(IDLE.toSeconds())
                .append(" s idle (MB) | peak resident, VmHWM (MB) |\n|---|---:|---:|---:|---:|---:|\n");
        for (Start s : starts) {
            md.append("| ").append(s.number() == 1 ? "first" : s.number() == 2 ? "second" : String.valueOf(s.number()))
                    .append(" | ").append(Results.f1(s.readySeconds())).append(" | ")
                    .append(Results.f1(s.reportedSeconds())).append(" | ").append(mb(s.rssReadyKb())).append(" | ")
                    .append(mb(s.rssIdleKb())).append(" | ").append(mb(Math.max(s.hwmReadyKb(), s.hwmIdleKb())))
                    .append(" |\n");
        }
        return md.toString();
    }

    List<String[]> targets() {
        Start second = starts.get(starts.size() - 1);
        double rssMb = highestRssKb() / 1024.0;
        return List.of(
                Results.target("start-up under 10 s with " + HEAP, Results.f1(second.readySeconds())
                                + " s until ready (Spring Boot: started in " + Results.f1(second.reportedSeconds()) + " s)",
                        second.readySeconds() < 10, 10 / second.readySeconds()),
                Results.target("resident memory under 400 MB with " + HEAP, Results.f0(rssMb) + " MB (VmRSS, highest seen)",
                        rssMb < 400, 400 / rssMb));
    }

    private static String mb(long kb) {
        return Results.f0(kb / 1024.0);
    }
}

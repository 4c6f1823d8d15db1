package no.purreflyt.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The whole application as a separate JVM on the tests' PostgreSQL, with its job executor running and its mail going
 * to the test JVM's GreenMail ({@link TestMail}): a node that a test can kill (SIGKILL, nothing of it runs any more)
 * or start beside another one, as production would. Its log goes to {@code target/app-processes/<name>.log}.
 *
 * <p>It runs the {@code test} profile (the test plans and agencies, the database of {@link TestDatabase}) with what
 * production has on: the job executor, and, where asked, the scheduled daily run. Users are the test JVM's (they live
 * in the shared database): start the test JVM's {@link IntegrationTest} context first.
 *
 * <p>A node still alive when the test JVM ends is killed by a shutdown hook, so a failed test leaves no process behind.
 */
public final class AppProcess implements AutoCloseable {

    private static final Set<AppProcess> LIVE = ConcurrentHashMap.newKeySet();
    private static final Path LOGS = Path.of("target", "app-processes");
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(AppProcess::kill), "kill-app-processes"));
    }

    private final String name;
    private final int port;
    private final Process process;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private AppProcess(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /** A node's settings beyond the defaults: properties as {@code --key=value} arguments. */
    public static Builder named(String name) {
        return new Builder(name);
    }

    public static final class Builder {
        private final String name;
        private final Map<String, String> properties = new LinkedHashMap<>();

        private Builder(String name) {
            this.name = name;
        }

        public Builder with(String property, Object value) {
            properties.put(property, String.valueOf(value));
            return this;
        }

        /** Starts the JVM; {@link AppProcess#awaitUp(Duration)} waits until it answers. */
        public AppProcess start() {
            int port = freePort();
            Map<String, String> all = new LinkedHashMap<>();
            all.put("spring.profiles.active", "test");
            all.put("spring.datasource.url", TestDatabase.URL);
            all.put("spring.datasource.username", TestDatabase.USER);
            all.put("spring.datasource.password", TestDatabase.PASSWORD);
            // PostgreSQL's 100 connections are shared by every test JVM on the machine: a small pool per node,
            // still above twice the job executor's threads (a delivery holds two connections)
            all.put("spring.datasource.hikari.maximum-pool-size", "8");
            all.put("spring.datasource.hikari.minimum-idle", "1");
            all.put("server.port", String.valueOf(port));
            all.put("camunda.bpm.job-execution.enabled", "true");
            all.put("camunda.bpm.job-execution.core-pool-size", "2");
            all.put("camunda.bpm.job-execution.max-pool-size", "3");
            // the engine writes it into the job log: which node ran which job
            all.put("camunda.bpm.generic-properties.properties.hostname", name);
            all.put("purreflyt.demo.enabled", "false");
            all.put("purreflyt.mail-sink.enabled", "false");
            all.put("purreflyt.clock.adjustable", "true");
            all.put("purreflyt.case-starter.scheduled", "false");
            all.put("spring.mail.host", "127.0.0.1");
            all.put("spring.mail.port", String.valueOf(TestMail.PORT));
            all.putAll(properties);

            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                    "-cp", classPath(), "no.purreflyt.PurreflytApplication"));
            all.forEach((key, value) -> command.add("--" + key + "=" + value));
            try {
                Files.createDirectories(LOGS);
                Path log = LOGS.resolve(name + "-" + Instant.now().toEpochMilli() + ".log");
                Process process = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(log.toFile()).start();
                AppProcess node = new AppProcess(name, port, process, log);
                LIVE.add(node);
                return node;
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start node " + name, e);
            }
        }
    }

    /** Waits until the node's health is UP; fails with the end of its log when it dies or does not come up. */
    public AppProcess awaitUp(Duration timeout) {
        Instant end = Instant.now().plus(timeout);
        while (Instant.now().isBefore(end)) {
            if (!process.isAlive()) {
                throw new AssertionError("Node " + name + " ended during its start (exit " + process.exitValue()
                        + "):\n" + logTail());
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(uri("/actuator/health"))
                        .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
                    return this;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(500);
        }
        throw new AssertionError("Node " + name + " was not UP after " + timeout + ":\n" + logTail());
    }

    /** SIGKILL: the node stops where it is, no shutdown hook, no transaction finishes. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LIVE.remove(this);
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
        LIVE.remove(this);
    }

    public String name() {
        return name;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path log() {
        return log;
    }

    /** The node's log so far. */
    public String logText() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Moves the node's business clock (each node keeps its own in memory; the database only seeds it at start). */
    public JsonNode setClock(LocalDate date, LocalTime time) {
        return post("/api/admin/clock", Map.of("date", date.toString(), "time", time.toString()));
    }

    /** POST as the tests' camunda-admin; fails on anything but a 2xx answer. */
    public JsonNode post(String path, Object body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(120))
                    .header("Authorization", basic(IntegrationTest.ADMIN, IntegrationTest.PASSWORD))
                    .header("Content-Type", "application/json")
                    .POST(body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new AssertionError("POST " + path + " on node " + name + ": " + response.statusCode() + " "
                        + response.body());
            }
            return response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("POST " + path + " on node " + name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** The test JVM's own class path: failsafe may hide it behind a manifest-only jar, whose real list it keeps here. */
    private static String classPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

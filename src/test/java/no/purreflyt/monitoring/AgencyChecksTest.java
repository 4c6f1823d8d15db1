package no.purreflyt.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgencyChecksTest {

    @TempDir Path temp;

    @Test
    void aMissingDirectoryIsCreatedAsTheExportWouldAndThenWritable() {
        Path directory = temp.resolve("exports/agency");

        assertThat(AgencyChecks.directoryProblem(directory)).isEmpty();
        assertThat(directory).isDirectory();
        // the probe leaves nothing for the agency's collector
        assertThat(directory.toFile().list()).isEmpty();
    }

    @Test
    void aDirectoryUnderAFileCannotBeCreated() throws IOException {
        Files.writeString(temp.resolve("blocker"), "a file");

        assertThat(AgencyChecks.directoryProblem(temp.resolve("blocker/exports"))).get().asString()
                .startsWith("directory " + temp.resolve("blocker/exports").toAbsolutePath()
                        + " does not exist and cannot be created (");
    }

    @Test
    void aFileWhereTheDirectoryShouldBeIsNamed() throws IOException {
        Path file = Files.writeString(temp.resolve("exports"), "a file");

        assertThat(AgencyChecks.directoryProblem(file)).contains("directory " + file.toAbsolutePath()
                + " is a file, not a directory");
    }

    @Test
    void aMessageMayWaitTwoExportIntervalsAndNoLonger() {
        Instant now = Instant.parse("2026-03-04T11:00:00Z");
        Duration interval = Duration.ofMinutes(5);

        assertThat(AgencyChecks.outboxProblem(now.minus(Duration.ofMinutes(10)), 3, now, interval)).isEmpty();
        assertThat(AgencyChecks.outboxProblem(now.minus(Duration.ofMinutes(10)).minusSeconds(1), 3, now, interval))
                .contains("3 message(s) wait for their batch file, the oldest since 2026-03-04T10:49:59Z, longer than "
                        + "twice purreflyt.collection.export-interval (PT5M): the export fails (see the log, "
                        + "GET /api/agency-exports)");
        assertThat(AgencyChecks.outboxProblem(null, 0, now, interval)).isEmpty();
    }

    @Test
    void onlyTheIncidentsThatNameTheAgencyCount() {
        List<String> incidents = List.of(
                "Agency Nord Inkasso AS answered 503 at https://nord.example/claims: maintenance",
                "Agency Nord Inkasso ASA could not be reached at https://nord-asa.example: ConnectException",
                "Process variable caseId is not set");

        assertThat(AgencyChecks.incidentProblem("Nord Inkasso AS", incidents)).contains("1 open incident(s) of messages "
                + "it did not take, the first: Agency Nord Inkasso AS answered 503 at https://nord.example/claims: maintenance");
        assertThat(AgencyChecks.incidentProblem("Sør Inkasso AS", incidents)).isEmpty();
    }

    @Test
    void aHostThatTakesConnectionsIsReachableAndAClosedPortIsNamed() throws IOException {
        int closedPort;
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            URI open = URI.create("http://127.0.0.1:" + server.getLocalPort() + "/claims");
            assertThat(AgencyChecks.connectProblem(open, Duration.ofSeconds(5))).isEmpty();
            closedPort = server.getLocalPort();
        }

        assertThat(AgencyChecks.connectProblem(URI.create("http://127.0.0.1:" + closedPort + "/claims"),
                Duration.ofSeconds(5))).get().asString().startsWith("no connection to 127.0.0.1:" + closedPort
                + " within 5000 ms (ConnectException");
    }
}

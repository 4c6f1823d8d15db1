package no.purreflyt.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import no.purreflyt.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/**
 * /actuator/health: the status alone for anyone (a load balancer), each component for the operators and the credit
 * managers, and the collection agencies as a component of their own that says which agency is in trouble and why.
 * The test agencies (application-test.yaml) export every 24 hours.
 */
class HealthIT extends IntegrationTest {

    static final String TEST_INKASSO = "Test Inkasso AS";
    static final String CSV_INKASSO = "Test CSV Inkasso AS";

    @Test
    void anAnonymousCallerSeesTheStatusAndNothingElse() {
        ResponseEntity<JsonNode> response = http.getForEntity("/actuator/health", JsonNode.class);

        assertThat(response.getStatusCode().value()).isEqualTo(200);
        // besides the status only the names of the probes' groups, no component and no detail
        assertThat(fields(response.getBody())).containsExactly("status", "groups");
        assertThat(response.getBody().path("groups").toString()).isEqualTo("[\"liveness\",\"readiness\"]");
        assertThat(response.getBody().path("status").asText()).isEqualTo("UP");
    }

    @Test
    void anAdministratorSeesTheDatabaseTheEngineTheMailRelayAndTheAgencies() {
        JsonNode health = get("/actuator/health").getBody();

        JsonNode components = health.path("components");
        assertThat(fields(components)).contains("db", "processEngine", "mail", "agencies");
        for (String component : List.of("db", "processEngine", "mail", "agencies")) {
            assertThat(components.path(component).path("status").asText()).as(component).isEqualTo("UP");
        }
        JsonNode agencies = components.path("agencies").path("details");
        assertThat(fields(agencies)).containsExactly(TEST_INKASSO, "Fjord Inkasso AS", CSV_INKASSO);
        assertThat(agencies.path(TEST_INKASSO).path("connector").asText()).isEqualTo("FILE");
        assertThat(agencies.path(TEST_INKASSO).path("directory").asText())
                .isEqualTo(Path.of("target/agency-exports/test-inkasso").toAbsolutePath().toString());
    }

    @Test
    void aCreditManagerSeesTheComponentsAndACreditControllerOnlyTheStatus() {
        assertThat(fields(as(MANAGER).getForEntity("/actuator/health", JsonNode.class).getBody()))
                .contains("status", "components");
        assertThat(fields(as(CONTROLLER).getForEntity("/actuator/health", JsonNode.class).getBody()))
                .containsExactly("status", "groups");
    }

    @Test
    void aFileAgencyWhoseDirectoryCannotBeWrittenIsDownByName() throws Exception {
        // the directory's path taken by a plain file, as when a mount point is missing or a path is mistyped
        Path directory = Path.of("target/agency-exports/test-csv-inkasso");
        Path aside = directory.resolveSibling("test-csv-inkasso.aside");
        Files.createDirectories(directory);
        Files.move(directory, aside);
        Files.writeString(directory, "not a directory");
        try {
            ResponseEntity<JsonNode> response = get("/actuator/health");

            assertThat(response.getStatusCode().value()).isEqualTo(503);
            assertThat(response.getBody().path("status").asText()).isEqualTo("DOWN");
            JsonNode agencies = response.getBody().path("components").path("agencies");
            assertThat(agencies.path("status").asText()).isEqualTo("DOWN");
            assertThat(agencies.path("details").path(CSV_INKASSO).path("status").asText()).isEqualTo("DOWN");
            assertThat(agencies.path("details").path(CSV_INKASSO).path("problems").get(0).asText())
                    .isEqualTo("Agency " + CSV_INKASSO + ": directory " + directory.toAbsolutePath()
                            + " is a file, not a directory");
            assertThat(agencies.path("details").path(TEST_INKASSO).path("status").asText()).isEqualTo("UP");
            // the anonymous caller learns that something is down, not what
            ResponseEntity<JsonNode> anonymous = http.getForEntity("/actuator/health", JsonNode.class);
            assertThat(anonymous.getStatusCode().value()).isEqualTo(503);
            assertThat(fields(anonymous.getBody())).containsExactly("status", "groups");
            // the probes of a container and a load balancer do not take the node out for one agency's directory
            assertThat(http.getForEntity("/actuator/health/liveness", JsonNode.class).getStatusCode().value()).isEqualTo(200);
            ResponseEntity<JsonNode> readiness = http.getForEntity("/actuator/health/readiness", JsonNode.class);
            assertThat(readiness.getStatusCode().value()).isEqualTo(200);
            assertThat(readiness.getBody().path("status").asText()).isEqualTo("UP");
        } finally {
            Files.delete(directory);
            Files.move(aside, directory);
        }
        assertThat(get("/actuator/health").getBody().path("components").path("agencies").path("status").asText())
                .isEqualTo("UP");
    }

    @Test
    void aMessageWaitingLongerThanTwoExportIntervalsTakesItsAgencyDown() {
        // a handover stored for the next batch file (as FileExportConnector stores it), and then no export runs
        jdbc.sql("""
                insert into agency_export_message (agency, message_id, type, invoice_number, payload, created_at)
                values (:agency, 'purreflyt-case-1-handover', 'HANDOVER', 'INV-1', '{}', :now)""")
                .param("agency", TEST_INKASSO)
                .param("now", OffsetDateTime.of(TODAY.atTime(NOON), ZoneOffset.ofHours(1)))
                .update();

        // two intervals (48 hours) are allowed
        timeTravel.setDateTime(TODAY.plusDays(2), NOON.minusMinutes(1));
        JsonNode agencies = get("/actuator/health").getBody().path("components").path("agencies");
        assertThat(agencies.path("status").asText()).isEqualTo("UP");
        assertThat(agencies.path("details").path(TEST_INKASSO).path("waitingMessages").asLong()).isEqualTo(1);

        timeTravel.setDateTime(TODAY.plusDays(2), NOON.plusMinutes(1));
        agencies = get("/actuator/health").getBody().path("components").path("agencies");
        assertThat(agencies.path("status").asText()).isEqualTo("DOWN");
        assertThat(agencies.path("details").path(TEST_INKASSO).path("problems").get(0).asText())
                .startsWith("Agency " + TEST_INKASSO + ": 1 message(s) wait for their batch file, the oldest since ")
                .contains("longer than twice purreflyt.collection.export-interval (PT24H)");
        assertThat(agencies.path("details").path("Fjord Inkasso AS").path("status").asText()).isEqualTo("UP");
    }

    private static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}

package no.purreflyt.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import no.purreflyt.collection.AgencyExports.Batch;
import no.purreflyt.support.IntegrationTest;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The FILE agencies' outbox and batch files on PostgreSQL, with the two agencies of application-test.yaml: Test
 * Inkasso AS (JSON) and Test CSV Inkasso AS (CSV), writing under target/agency-exports.
 */
class AgencyExportsIT extends IntegrationTest {

    private static final String JSON_AGENCY = "Test Inkasso AS";
    private static final String CSV_AGENCY = "Test CSV Inkasso AS";

    @Autowired Agencies agencies;
    @Autowired AgencyExports exports;
    @Autowired TransactionTemplate transaction;

    @BeforeEach
    void emptyDirectories() throws IOException {
        for (var agency : agencies.all()) {
            if (agency.directory() != null && Files.isDirectory(agency.directory())) {
                try (Stream<Path> files = Files.walk(agency.directory())) {
                    files.sorted(java.util.Comparator.reverseOrder())
                            .filter(p -> !p.equals(agency.directory()))
                            .forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    private void send(AgencyMessage message) {
        transaction.executeWithoutResult(status -> agencies.connectorFor(message.agency()).send(message));
    }

    private Path fileOf(Batch batch) {
        return agencies.byName(batch.agency()).directory().resolve(batch.file());
    }

    @Test
    void aRepeatedSendOfTheSameMessageIdStoresOneRow() {
        send(Messages.handover("HANDOVER-1", JSON_AGENCY, "INV-1", 1));
        send(Messages.handover("HANDOVER-1", JSON_AGENCY, "INV-1", 1));
        transaction.executeWithoutResult(status -> {
            agencies.connectorFor(JSON_AGENCY).send(Messages.payment("PAYMENT-1", JSON_AGENCY, "INV-1", 1));
            agencies.connectorFor(JSON_AGENCY).send(Messages.payment("PAYMENT-1", JSON_AGENCY, "INV-1", 1));
        });

        assertThat(jdbc.sql("select message_id from agency_export_message order by id").query(String.class).list())
                .containsExactly("HANDOVER-1", "PAYMENT-1");
    }

    @Test
    void aMessageIsStoredInTheCallersTransactionAndGoesWithItsRollback() {
        transaction.executeWithoutResult(status -> {
            agencies.connectorFor(JSON_AGENCY).send(Messages.handover("HANDOVER-2", JSON_AGENCY, "INV-2", 2));
            status.setRollbackOnly();
        });

        assertThat(jdbc.sql("select count(*) from agency_export_message").query(Integer.class).single()).isZero();
    }

    @Test
    void eachAgencysMessagesBecomeOneBatchFileInItsFormat() throws IOException {
        send(Messages.handover("HANDOVER-3", JSON_AGENCY, "INV-3", 3));
        send(Messages.payment("PAYMENT-4", JSON_AGENCY, "INV-4", 4));
        send(Messages.handover("HANDOVER-5", CSV_AGENCY, "INV-5", 5));
        send(Messages.payment("PAYMENT-6", CSV_AGENCY, "INV-6", 6));

        List<Batch> written = exports.exportNow();

        assertThat(written).extracting(Batch::agency, Batch::status, Batch::messages)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(JSON_AGENCY, "WRITTEN", 2),
                        org.assertj.core.groups.Tuple.tuple(CSV_AGENCY, "WRITTEN", 2));
        Batch jsonBatch = written.stream().filter(b -> b.agency().equals(JSON_AGENCY)).findFirst().orElseThrow();
        Batch csvBatch = written.stream().filter(b -> b.agency().equals(CSV_AGENCY)).findFirst().orElseThrow();
        assertThat(jsonBatch.file()).isEqualTo("purreflyt-test-inkasso-as-batch-%08d.json".formatted(jsonBatch.id()));
        assertThat(csvBatch.file()).isEqualTo("purreflyt-test-csv-inkasso-as-batch-%08d.csv".formatted(csvBatch.id()));
        assertThat(jsonBatch.writtenAt()).isNotNull();

        // JSON: the header and the two messages, read as an agency would
        BatchFilesTest.BatchFile file = json.readValue(fileOf(jsonBatch).toFile(), BatchFilesTest.BatchFile.class);
        assertThat(file.format()).isEqualTo("purreflyt-agency-export");
        assertThat(file.version()).isEqualTo(1);
        assertThat(file.batch()).isEqualTo(jsonBatch.id());
        assertThat(file.agency()).isEqualTo(JSON_AGENCY);
        assertThat(file.createdAt()).isEqualTo(jsonBatch.createdAt());
        assertThat(file.messages()).containsExactly(Messages.handover("HANDOVER-3", JSON_AGENCY, "INV-3", 3),
                Messages.payment("PAYMENT-4", JSON_AGENCY, "INV-4", 4));
        assertThat(file.messages().get(0).inkassovarsel().content()).isEqualTo(Messages.PDF);

        // CSV: a header row and a row per message
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(Files.readString(fileOf(csvBatch)))).getRecords();
        assertThat(rows).extracting(r -> r.get("messageId")).containsExactly("HANDOVER-5", "PAYMENT-6");
        assertThat(rows.get(0).get("claimTotal")).isEqualTo("1082.34");
        assertThat(Base64.getDecoder().decode(rows.get(0).get("inkassovarselBase64"))).isEqualTo(Messages.PDF);
        assertThat(rows.get(1).get("paymentAmount")).isEqualTo("250.00");

        // every message is in exactly one batch; nothing is left for the next run
        assertThat(jdbc.sql("select count(*) from agency_export_message where batch_id is null").query(Integer.class)
                .single()).isZero();
        assertThat(exports.exportNow()).isEmpty();
        // no part file left behind
        try (Stream<Path> files = Files.list(agencies.byName(JSON_AGENCY).directory())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly(jsonBatch.file());
        }
    }

    @Test
    void aMessageSentAfterTheExportGoesIntoTheNextBatch() {
        send(Messages.handover("HANDOVER-7", JSON_AGENCY, "INV-7", 7));
        Batch first = exports.exportNow().get(0);
        send(Messages.payment("PAYMENT-7", JSON_AGENCY, "INV-7", 7));
        Batch second = exports.exportNow().get(0);

        assertThat(second.id()).isGreaterThan(first.id());
        assertThat(second.messages()).isEqualTo(1);
        assertThat(fileOf(first)).exists();
        assertThat(fileOf(second)).exists();
    }

    @Test
    void aBatchLeftWritingIsWrittenAgainUnderTheSameNameWithTheSameBytes() throws IOException {
        send(Messages.handover("HANDOVER-8", JSON_AGENCY, "INV-8", 8));
        send(Messages.payment("PAYMENT-8", JSON_AGENCY, "INV-8", 8));
        Batch batch = exports.exportNow().get(0);
        byte[] before = Files.readAllBytes(fileOf(batch));

        // as after a crash between the rename and the commit of WRITTEN
        jdbc.sql("update agency_export_batch set status = 'WRITING', written_at = null where id = :b")
                .param("b", batch.id()).update();
        Files.delete(fileOf(batch));
        List<Batch> again = exports.exportNow();

        assertThat(again).extracting(Batch::id, Batch::file, Batch::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(batch.id(), batch.file(), "WRITTEN"));
        assertThat(Files.readAllBytes(fileOf(batch))).isEqualTo(before);
    }

    @Test
    void aBatchThatCannotBeWrittenStaysWritingAndIsWrittenByTheNextRun() throws IOException {
        send(Messages.handover("HANDOVER-9", JSON_AGENCY, "INV-9", 9));
        long nextId = jdbc.sql("select coalesce(max(id), 0) from agency_export_batch").query(Long.class).single();
        // the batch id is not known before the export, so block every name it could take: a non-empty directory
        // under the final name makes the rename fail, as a full or read-only disk would
        Path directory = agencies.byName(JSON_AGENCY).directory();
        List<Path> blockers = new java.util.ArrayList<>();
        for (long id = nextId + 1; id <= nextId + 20; id++) {
            Path blocker = directory.resolve(BatchFiles.fileName(JSON_AGENCY, id, CollectionProperties.Format.JSON));
            Files.createDirectories(blocker.resolve("occupied"));
            blockers.add(blocker);
        }

        assertThat(exports.exportNow()).isEmpty();
        Batch stuck = exports.recent(1).get(0);
        assertThat(stuck.status()).isEqualTo("WRITING");
        assertThat(stuck.messages()).isEqualTo(1);
        assertThat(AtomicFiles.partOf(directory.resolve(stuck.file()))).doesNotExist();

        for (Path blocker : blockers) {
            Files.delete(blocker.resolve("occupied"));
            Files.delete(blocker);
        }
        List<Batch> next = exports.exportNow();

        assertThat(next).extracting(Batch::id).containsExactly(stuck.id());
        assertThat(fileOf(next.get(0))).isRegularFile();
    }

    @Test
    void theApiListsTheBatchesAndExportsOnRequest() {
        send(Messages.handover("HANDOVER-10", CSV_AGENCY, "INV-10", 10));

        ResponseEntity<JsonNode> posted = post("/api/agency-exports", null);
        assertThat(posted.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(posted.getBody()).hasSize(1);
        assertThat(posted.getBody().get(0).get("agency").asText()).isEqualTo(CSV_AGENCY);
        assertThat(posted.getBody().get(0).get("status").asText()).isEqualTo("WRITTEN");

        ResponseEntity<JsonNode> listed = get("/api/agency-exports");
        assertThat(listed.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode batch = listed.getBody().get(0);
        assertThat(batch.get("id").asLong()).isEqualTo(posted.getBody().get(0).get("id").asLong());
        assertThat(batch.get("file").asText()).endsWith(".csv");
        assertThat(batch.get("messages").asInt()).isEqualTo(1);
        assertThat(batch.get("createdAt").asText()).isNotBlank();
        assertThat(batch.get("writtenAt").asText()).isEqualTo(posted.getBody().get(0).get("writtenAt").asText());

        ResponseEntity<JsonNode> tooMany = get("/api/agency-exports?limit=0");
        assertThat(tooMany.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(tooMany.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    }

    @Test
    void anUnknownAgencyIsAConfigurationMistakeNamingTheSetting() {
        assertThat(agencies.find("Nobody Inkasso AS")).isEmpty();
        assertThatThrownBy(() -> agencies.connectorFor("Nobody Inkasso AS"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'Nobody Inkasso AS'")
                .hasMessageContaining("purreflyt.collection.agencies")
                .hasMessageContaining(JSON_AGENCY);
        assertThat(agencies.connectorFor(JSON_AGENCY)).isInstanceOf(FileExportConnector.class);
    }

    @Test
    void theApplicationsMapperWritesIsoDatesIntoThePayload() {
        send(Messages.handover("HANDOVER-11", JSON_AGENCY, "INV-11", 11));
        String payload = jdbc.sql("select payload from agency_export_message").query(String.class).single();

        assertThat(payload).contains("\"createdAt\":\"2026-03-02T11:00:00Z\"").contains("\"dueDate\":\"2025-12-15\"")
                .contains("\"total\":1082.34").doesNotContain("\"payment\"");
    }
}

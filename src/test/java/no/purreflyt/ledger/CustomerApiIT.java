package no.purreflyt.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import no.purreflyt.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

class CustomerApiIT extends IntegrationTest {

    private static final MediaType MERGE_PATCH = MediaType.parseMediaType("application/merge-patch+json");

    @Test
    void customerIsCreatedWithLanguageFromCountryAndReadBack() {
        ResponseEntity<JsonNode> created = post("/api/customers", Map.of(
                "externalId", "C-1", "name", "Sven Svensson", "type", "CONSUMER", "country", "SE",
                "email", "sven@example.se",
                "address", Map.of("line1", "Drottninggatan 5", "postalCode", "111 51", "city", "Stockholm")));

        assertThat(created.getStatusCode().value()).isEqualTo(201);
        assertThat(created.getHeaders().getLocation()).hasToString("/api/customers/C-1");
        JsonNode read = get("/api/customers/C-1").getBody();
        assertThat(read.path("language").asText()).isEqualTo("sv");
        assertThat(read.path("address").path("city").asText()).isEqualTo("Stockholm");
        assertThat(read.path("dunningBlock").path("blocked").asBoolean()).isFalse();
    }

    @Test
    void missingAndMalformedFieldsAreNamed() {
        ResponseEntity<JsonNode> response = post("/api/customers", Map.of(
                "externalId", "C 1", "type", "CONSUMER", "country", "NO", "email", "not-an-address"));

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(fields(response)).contains("externalId", "name", "email");
        assertThat(count("customer")).isZero();
    }

    @Test
    void unknownEnumValueNamesTheFieldAndTheAllowedValues() {
        ResponseEntity<JsonNode> response = post("/api/customers", Map.of(
                "externalId", "C-1", "name", "X", "type", "GOVERNMENT", "country", "NO"));

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(fields(response)).containsExactly("type");
        assertThat(response.getBody().path("errors").get(0).path("message").asText()).contains("CONSUMER, BUSINESS");
    }

    @Test
    void malformedJsonIsABadRequestNotAStackTrace() {
        ResponseEntity<JsonNode> response = send(ADMIN, HttpMethod.POST, "/api/customers", MediaType.APPLICATION_JSON,
                "{\"externalId\": \"C-1\", \"name\": ");

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody().path("detail").asText()).startsWith("Malformed JSON");
        assertThat(response.getBody().toString()).doesNotContain("at com.fasterxml", "Exception");
    }

    @Test
    void duplicateExternalIdIsAConflict() {
        customer("C-1", "CONSUMER", "NO");

        ResponseEntity<JsonNode> second = post("/api/customers", Map.of(
                "externalId", "C-1", "name", "Other", "type", "BUSINESS", "country", "NO"));

        assertThat(second.getStatusCode().value()).isEqualTo(409);
        assertThat(fields(second)).containsExactly("externalId");
        assertThat(get("/api/customers/C-1").getBody().path("type").asText()).isEqualTo("CONSUMER");
    }

    @Test
    void unknownCustomerIsNotFound() {
        ResponseEntity<JsonNode> response = get("/api/customers/NOPE");

        assertThat(response.getStatusCode().value()).isEqualTo(404);
        assertThat(response.getBody().path("detail").asText()).contains("NOPE");
    }

    @Test
    void mergePatchChangesGivenFieldsClearsNullsAndKeepsTheRest() {
        customer("C-1", "CONSUMER", "NO");

        ResponseEntity<JsonNode> patched = send(ADMIN, HttpMethod.PATCH, "/api/customers/C-1", MERGE_PATCH,
                "{\"name\": \"Kari Nordmann\", \"email\": null, \"dunningBlock\": {\"blocked\": true, \"reason\": \"Dispute by phone\", \"until\": \"2026-04-01\"}}");

        assertThat(patched.getStatusCode().value()).isEqualTo(200);
        JsonNode read = get("/api/customers/C-1").getBody();
        assertThat(read.path("name").asText()).isEqualTo("Kari Nordmann");
        assertThat(read.has("email")).isFalse();
        assertThat(read.path("type").asText()).isEqualTo("CONSUMER");
        assertThat(read.path("dunningBlock").path("reason").asText()).isEqualTo("Dispute by phone");
        assertThat(read.path("dunningBlock").path("until").asText()).isEqualTo("2026-04-01");
    }

    @Test
    void invalidPatchChangesNothing() {
        customer("C-1", "CONSUMER", "NO");

        ResponseEntity<JsonNode> blockedWithoutReason = send(ADMIN, HttpMethod.PATCH, "/api/customers/C-1", MERGE_PATCH,
                "{\"name\": \"Changed\", \"dunningBlock\": {\"blocked\": true}}");
        ResponseEntity<JsonNode> renamed = send(ADMIN, HttpMethod.PATCH, "/api/customers/C-1", MERGE_PATCH,
                "{\"externalId\": \"C-2\"}");
        ResponseEntity<JsonNode> wrongType = send(ADMIN, HttpMethod.PATCH, "/api/customers/C-1", MERGE_PATCH,
                "{\"country\": \"DK\"}");

        assertThat(blockedWithoutReason.getStatusCode().value()).isEqualTo(400);
        assertThat(fields(blockedWithoutReason)).containsExactly("dunningBlock.reasonGivenWhenBlocked");
        assertThat(renamed.getStatusCode().value()).isEqualTo(422);
        assertThat(wrongType.getStatusCode().value()).isEqualTo(400);
        assertThat(get("/api/customers/C-1").getBody().path("name").asText()).isEqualTo("Customer C-1");
    }

    static java.util.List<String> fields(ResponseEntity<JsonNode> response) {
        java.util.List<String> fields = new java.util.ArrayList<>();
        response.getBody().path("errors").forEach(e -> fields.add(e.path("field").asText()));
        return fields;
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}

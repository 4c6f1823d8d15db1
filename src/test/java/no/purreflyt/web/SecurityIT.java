package no.purreflyt.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import no.purreflyt.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

class SecurityIT extends IntegrationTest {

    @Test
    void anonymousCallsToOurApiAreUnauthorizedWithAProblem() {
        ResponseEntity<JsonNode> response = http.getForEntity("/api/invoices/ANY", JsonNode.class);

        assertThat(response.getStatusCode().value()).isEqualTo(401);
        assertThat(response.getHeaders().getFirst("WWW-Authenticate")).startsWith("Basic");
        assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
    }

    @Test
    void wrongPasswordIsUnauthorizedAndThrottlesTheUser() {
        // a user of its own: Camunda delays the next login after a failure (brute-force protection)
        if (identity.createUserQuery().userId("lockout-probe").count() == 0) {
            var user = identity.newUser("lockout-probe");
            user.setPassword(PASSWORD);
            identity.saveUser(user);
        }
        identity.unlockUser("lockout-probe");

        ResponseEntity<JsonNode> wrong = http.withBasicAuth("lockout-probe", "wrong").getForEntity("/api/invoices/ANY", JsonNode.class);
        ResponseEntity<JsonNode> rightAtOnce = http.withBasicAuth("lockout-probe", PASSWORD).getForEntity("/api/invoices/ANY", JsonNode.class);

        assertThat(wrong.getStatusCode().value()).isEqualTo(401);
        assertThat(rightAtOnce.getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void anonymousCallsToTheEngineRestApiAreUnauthorized() {
        ResponseEntity<String> anonymous = http.getForEntity("/engine-rest/process-definition", String.class);
        ResponseEntity<String> manager = as(MANAGER).getForEntity("/engine-rest/process-definition", String.class);

        assertThat(anonymous.getStatusCode().value()).isEqualTo(401);
        assertThat(manager.getStatusCode().value()).isEqualTo(200);
        assertThat(manager.getBody()).contains("\"key\":\"dunning\"");
    }

    @Test
    void creditControllerMayNotMoveTheClockButAnAdminMay() {
        ResponseEntity<JsonNode> controller = send(CONTROLLER, HttpMethod.POST, "/api/admin/clock", MediaType.APPLICATION_JSON,
                Map.of("advanceDays", 1));
        ResponseEntity<JsonNode> admin = send(ADMIN, HttpMethod.POST, "/api/admin/clock", MediaType.APPLICATION_JSON,
                Map.of("advanceDays", 1));

        assertThat(controller.getStatusCode().value()).isEqualTo(403);
        assertThat(controller.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(admin.getStatusCode().value()).isEqualTo(200);
        assertThat(admin.getBody().path("date").asText()).isEqualTo(TODAY.plusDays(1).toString());
    }

    @Test
    void creditControllerWorksWithTheLedger() {
        ResponseEntity<JsonNode> response = send(CONTROLLER, HttpMethod.POST, "/api/customers", MediaType.APPLICATION_JSON,
                Map.of("externalId", "C-1", "name", "X", "type", "CONSUMER", "country", "NO"));

        assertThat(response.getStatusCode().value()).isEqualTo(201);
    }

    @Test
    void purreflytGroupsExistAfterStartUp() {
        assertThat(identity.createGroupQuery().groupIdIn(Groups.ALL.toArray(String[]::new)).count()).isEqualTo(5);
    }

    @Test
    void healthIsTheOnlyAnonymousEndpoint() {
        assertThat(http.getForEntity("/actuator/health", String.class).getStatusCode().value()).isEqualTo(200);
        assertThat(http.getForEntity("/v3/api-docs", String.class).getStatusCode().value()).isEqualTo(401);
        assertThat(as(CONTROLLER).getForEntity("/v3/api-docs", String.class).getBody()).contains("/api/invoices/import");
    }
}

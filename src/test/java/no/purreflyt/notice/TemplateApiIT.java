package no.purreflyt.notice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.Map;
import no.purreflyt.support.IntegrationTest;
import no.purreflyt.support.TestMail;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Credit controllers word the letters: a text is tried on sample letters before it is saved, and notices say which text wrote them. */
class TemplateApiIT extends IntegrationTest {

    @Test
    void everyKindAndLanguageHasATextInForce() {
        JsonNode all = get("/api/templates").getBody();

        assertThat(all).hasSize(12);
        JsonNode purring = get("/api/templates/purring/nb").getBody();
        assertThat(purring.path("origin").asText()).isEqualTo("BUILT_IN");
        assertThat(purring.path("version").asText()).startsWith("purring_nb built-in #");
        assertThat(purring.path("source").asText()).contains("<h1>", "<@l.claim/>");
        assertThat(get("/api/templates/dunning-letter/nb").getStatusCode().value()).isEqualTo(404);
        assertThat(get("/api/templates/purring/de").getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void aTextThatDoesNotRenderIsRefusedWithFreemarkersLineAndMessage() {
        ResponseEntity<JsonNode> refused = send(MANAGER, HttpMethod.PUT, "/api/templates/reminder/en",
                MediaType.TEXT_PLAIN, "<#import \"lib.ftlh\" as l>\n<h1>Reminder</h1>\n<p>Dear ${debtor.nam},</p>\n");

        assertThat(refused.getStatusCode().value()).isEqualTo(422);
        assertThat(refused.getBody().path("errors").get(0).path("line").asInt()).isEqualTo(3);
        assertThat(refused.getBody().path("errors").get(0).path("field").asText()).isEqualTo("source");
        assertThat(refused.getBody().path("detail").asText()).contains("reminder_en.ftlh, line 3", "debtor.nam");
        assertThat(get("/api/templates/reminder/en").getBody().path("origin").asText()).isEqualTo("BUILT_IN");
    }

    @Test
    void aTextThatDropsWhatTheLawAsksIsRefused() {
        String withoutDeadline = get("/api/templates/inkassovarsel/nb").getBody().path("source").asText()
                .replace("<@l.payment/>", "");

        ResponseEntity<JsonNode> refused = send(MANAGER, HttpMethod.PUT, "/api/templates/inkassovarsel/nb",
                MediaType.APPLICATION_JSON, Map.of("source", withoutDeadline.replace("innen <strong>${deadline}</strong>",
                        "snarest")));

        assertThat(refused.getStatusCode().value()).isEqualTo(422);
        assertThat(refused.getBody().path("detail").asText()).contains("no longer states", "the deadline",
                "the payment reference (KID/OCR)");
    }

    @Test
    void aSavedTextWritesTheNextNoticesWhichNameItsVersionAndItCanBeTakenBack() {
        String edited = get("/api/templates/reminder/nb").getBody().path("source").asText()
                .replace("Kanskje har den blitt glemt?", "Den kan ha kommet bort i posten.");

        ResponseEntity<JsonNode> saved = send(MANAGER, HttpMethod.PUT, "/api/templates/reminder/nb",
                MediaType.TEXT_PLAIN, edited);

        assertThat(saved.getStatusCode().value()).as("%s", saved.getBody()).isEqualTo(200);
        assertThat(saved.getBody().path("origin").asText()).isEqualTo("API");
        assertThat(saved.getBody().path("apiVersion").asInt()).isEqualTo(1);
        assertThat(saved.getBody().path("savedBy").asText()).isEqualTo(MANAGER);

        customer("NO-1", "CONSUMER", "NO");
        invoice("INV-1", "NO-1", LocalDate.of(2026, 2, 26), "1000.00", "NOK");
        post("/api/dunning-runs", null);
        travelTo(LocalDate.of(2026, 3, 5));
        long noticeId = jdbc.sql("select id from notice").query(Long.class).single();
        assertThat(get("/api/notices/" + noticeId).getBody().path("templateVersion").asText())
                .startsWith("reminder_nb api v1 #");
        assertThat(as(ADMIN).getForObject("/api/notices/" + noticeId + "/html", String.class))
                .contains("Den kan ha kommet bort i posten.");
        assertThat(TestMail.received()).hasSize(1);

        ResponseEntity<JsonNode> reverted = send(MANAGER, HttpMethod.DELETE, "/api/templates/reminder/nb", null, null);
        assertThat(reverted.getBody().path("origin").asText()).isEqualTo("BUILT_IN");
        assertThat(reverted.getBody().path("source").asText()).contains("Kanskje har den blitt glemt?");
    }
}

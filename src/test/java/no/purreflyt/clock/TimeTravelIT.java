package no.purreflyt.clock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import no.purreflyt.support.IntegrationTest;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

class TimeTravelIT extends IntegrationTest {

    @Autowired Clock clock;

    @Test
    void settingTheDateMovesOurClockAndTheEnginesTogether() {
        ResponseEntity<JsonNode> response = post("/api/admin/clock", Map.of("date", "2026-06-15"));

        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(LocalDate.now(clock)).isEqualTo(LocalDate.of(2026, 6, 15));
        assertThat(engineDate()).isEqualTo(LocalDate.of(2026, 6, 15));
    }

    @Test
    void advancingByDaysMovesFromTheCurrentBusinessDate() {
        post("/api/admin/clock", Map.of("advanceDays", 14));

        assertThat(LocalDate.now(clock)).isEqualTo(TODAY.plusDays(14));
        assertThat(engineDate()).isEqualTo(TODAY.plusDays(14));
        assertThat(get("/api/admin/clock").getBody().path("date").asText()).isEqualTo(TODAY.plusDays(14).toString());
    }

    @Test
    void dateAndAdvanceTogetherAreRefused() {
        ResponseEntity<JsonNode> response = post("/api/admin/clock", Map.of("date", "2026-06-15", "advanceDays", 1));

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(LocalDate.now(clock)).isEqualTo(TODAY);
    }

    @Test
    void theOffsetIsStoredSoARestartKeepsTheBusinessDate() {
        post("/api/admin/clock", Map.of("date", "2026-06-15"));

        long offsetSeconds = jdbc.sql("select offset_seconds from business_clock where id = 1").query(Long.class).single();
        LocalDate restored = LocalDate.now(new AdjustableClock(Clock.system(ZoneId.of("Europe/Oslo")),
                java.time.Duration.ofSeconds(offsetSeconds)));

        assertThat(restored).isEqualTo(LocalDate.of(2026, 6, 15));
    }

    @Test
    void aMoveMadeOnAnotherNodeIsFollowed() {
        // another node of the same database moved the business date to 2026-06-15 at noon
        ZoneId oslo = ZoneId.of("Europe/Oslo");
        long offset = java.time.Duration.between(java.time.Instant.now(),
                java.time.ZonedDateTime.of(2026, 6, 15, 12, 0, 0, 0, oslo).toInstant()).toSeconds();
        jdbc.sql("update business_clock set offset_seconds = :s where id = 1").param("s", offset).update();

        timeTravel.follow();

        assertThat(LocalDate.now(clock)).isEqualTo(LocalDate.of(2026, 6, 15));
        assertThat(engineDate()).isEqualTo(LocalDate.of(2026, 6, 15));
    }

    private static LocalDate engineDate() {
        return ClockUtil.getCurrentTime().toInstant().atZone(ZoneId.of("Europe/Oslo")).toLocalDate();
    }
}

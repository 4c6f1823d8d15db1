package no.purreflyt.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class AdjustableClockTest {

    private final Clock base = Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void runsAheadOfItsBaseByTheOffset() {
        AdjustableClock clock = new AdjustableClock(base, Duration.ofDays(3));

        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-03-05T10:00:00Z"));
    }

    @Test
    void aZonedViewFollowsLaterMoves() {
        AdjustableClock clock = new AdjustableClock(base, Duration.ZERO);
        Clock oslo = clock.withZone(ZoneId.of("Europe/Oslo"));

        clock.setOffset(Duration.ofHours(1));

        assertThat(oslo.instant()).isEqualTo(Instant.parse("2026-03-02T11:00:00Z"));
        assertThat(oslo.getZone()).isEqualTo(ZoneId.of("Europe/Oslo"));
    }
}

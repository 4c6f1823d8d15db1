package no.purreflyt.clock;

import jakarta.validation.constraints.NotNull;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The business clock's settings.
 *
 * @param adjustable time travel: {@code POST /api/admin/clock} moves the business date and the engine's
 *                   timers follow it. On in the embedded default and in tests, off in production.
 * @param zone       the creditor's zone; "today" and every scheduled time of day are read in it.
 */
@Validated
@ConfigurationProperties("purreflyt.clock")
public record ClockProperties(boolean adjustable, @NotNull ZoneId zone) {
}

package no.purreflyt.process;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.LocalTime;
import no.purreflyt.ledger.Country;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The case starter's settings (which invoices it takes is the plans' business: grace days, minimum amount).
 *
 * @param timeOfDay     when the daily run starts, in the business clock's zone (default 11:00)
 * @param scheduled     whether the daily run happens at all
 * @param pollInterval  how often a node looks whether the day's run is due
 * @param calendar      the country whose business days the daily run keeps
 */
@Validated
@ConfigurationProperties("purreflyt.case-starter")
public record CaseStarterProperties(
        @NotNull LocalTime timeOfDay,
        boolean scheduled,
        @NotNull Duration pollInterval,
        @NotNull Country calendar) {
}

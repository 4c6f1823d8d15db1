package no.purreflyt.process;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalTime;
import no.purreflyt.ledger.Country;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The case starter's settings (until dunning plans carry them per creditor and customer).
 *
 * @param timeOfDay     when the daily run starts, in the business clock's zone (default 11:00)
 * @param scheduled     whether the daily run happens at all
 * @param pollInterval  how often a node looks whether the day's run is due
 * @param graceDays     post days: an invoice is dunned when overdue by more than this
 * @param minimumAmount an invoice with this much outstanding or less is not dunned
 * @param calendar      the country whose business days the daily run keeps
 */
@Validated
@ConfigurationProperties("purreflyt.case-starter")
public record CaseStarterProperties(
        @NotNull LocalTime timeOfDay,
        boolean scheduled,
        @NotNull Duration pollInterval,
        @Min(0) @Max(60) int graceDays,
        @NotNull @DecimalMin("0.00") BigDecimal minimumAmount,
        @NotNull Country calendar) {
}

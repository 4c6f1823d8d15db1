package no.purreflyt.process;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
 * @param batchSize     how many invoices' cases start in one transaction (1-1000, default 1); a batch that fails is
 *                      started again one invoice per transaction, so one bad invoice still stops only itself
 */
@Validated
@ConfigurationProperties("purreflyt.case-starter")
public record CaseStarterProperties(
        @NotNull LocalTime timeOfDay,
        boolean scheduled,
        @NotNull Duration pollInterval,
        @NotNull Country calendar,
        @Min(1) @Max(1000) Integer batchSize) {

    public CaseStarterProperties {
        batchSize = batchSize == null ? 1 : batchSize;
    }
}

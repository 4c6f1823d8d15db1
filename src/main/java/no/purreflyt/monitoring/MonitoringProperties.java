package no.purreflyt.monitoring;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the metrics and the agencies' health are gathered (purreflyt.metrics).
 *
 * @param refresh               how long the business gauges (cases, amounts, notices, incidents) keep what they read
 *                              from the database: a scrape within this time reads nothing, so several Prometheus servers
 *                              or a short scrape interval do not multiply the queries. PT0S reads at every scrape.
 * @param agencyConnectTimeout  how long the health check waits for a TCP connection to a WEBHOOK agency's host;
 *                              PT0S leaves the connection untried (an agency that may not be probed)
 */
@Validated
@ConfigurationProperties("purreflyt.metrics")
public record MonitoringProperties(
        @NotNull @DefaultValue("PT15S") Duration refresh,
        @NotNull @DefaultValue("PT2S") Duration agencyConnectTimeout) {

    public MonitoringProperties {
        if (refresh != null && refresh.isNegative()) {
            throw new IllegalArgumentException("purreflyt.metrics.refresh must not be negative (PT0S: read at every scrape)");
        }
        if (agencyConnectTimeout != null && agencyConnectTimeout.isNegative()) {
            throw new IllegalArgumentException(
                    "purreflyt.metrics.agency-connect-timeout must not be negative (PT0S: no connection is tried)");
        }
    }
}

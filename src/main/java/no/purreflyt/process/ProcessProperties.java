package no.purreflyt.process;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the dunning process.
 *
 * @param taskDueBusinessDays a credit controller's task (review, approval, dispute, contact data) is due this many
 *                            business days after it is created
 */
@Validated
@ConfigurationProperties("purreflyt.process")
public record ProcessProperties(@Min(0) @Max(30) int taskDueBusinessDays) {
}

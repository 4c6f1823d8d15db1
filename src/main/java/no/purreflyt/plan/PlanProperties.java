package no.purreflyt.plan;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Dunning plans (purreflyt.plans).
 *
 * @param seed          the plans created at the first start (a JSON file each, named by its key), where no plan of
 *                      that key exists yet; afterwards the stored plans are edited through /api/plans
 * @param graceDays     what a plan that does not say takes for its post days
 * @param minimumAmount what a plan that does not say takes for its minimum amount
 * @param timeOfDay     what a plan that does not say takes for the time its automatic steps go out
 */
@Validated
@ConfigurationProperties("purreflyt.plans")
public record PlanProperties(
        @NotBlank String seed,
        @Min(0) @Max(60) int graceDays,
        @NotNull @DecimalMin("0.00") @Digits(integer = 12, fraction = 2) BigDecimal minimumAmount,
        @NotNull LocalTime timeOfDay) {

    PlanDefinition.Defaults defaults() {
        return new PlanDefinition.Defaults(graceDays, minimumAmount, timeOfDay);
    }
}

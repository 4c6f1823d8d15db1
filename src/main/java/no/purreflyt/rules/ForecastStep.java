package no.purreflyt.rules;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A planned step as it would happen: the notice it sends, the day, the deadline it gives, the fee it may charge,
 * or, when the law forbids it, {@code allowed = false} with the rule and the reason.
 */
public record ForecastStep(
        StepKind step,
        NoticeKind notice,
        LocalDate date,
        LocalDate deadline,
        BigDecimal fee,
        boolean allowed,
        String rule,
        String reason) {
}

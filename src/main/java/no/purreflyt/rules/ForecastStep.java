package no.purreflyt.rules;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A step of a plan as it happened or would happen: the notice it sends, the day, the deadline it gives, the fee it
 * may charge, or, when the law forbids it, {@code allowed = false} with the rule and the reason. {@code taken} marks a
 * step the case has already taken (sent, or skipped because the law refused it on its day).
 *
 * @param planStep the step's position in the plan (0 = first)
 */
public record ForecastStep(
        int planStep,
        StepKind step,
        NoticeKind notice,
        LocalDate date,
        LocalDate deadline,
        BigDecimal fee,
        boolean allowed,
        boolean taken,
        String rule,
        String reason) {
}

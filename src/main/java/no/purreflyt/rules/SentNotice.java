package no.purreflyt.rules;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A notice already sent on a claim, as far as the fee rules need to know it. */
public record SentNotice(NoticeKind kind, LocalDate sentOn, LocalDate deadline, BigDecimal fee) {

    public boolean charged() {
        return fee != null && fee.signum() > 0;
    }
}

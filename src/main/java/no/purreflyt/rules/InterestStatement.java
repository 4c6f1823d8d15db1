package no.purreflyt.rules;

import java.math.BigDecimal;
import java.util.List;

/** Interest for a span, itemized by rate period, its total rounded once, half-up, to øre. */
public record InterestStatement(List<InterestLine> lines, BigDecimal total, BigDecimal exact) {
}

package no.purreflyt.rules;

import java.math.BigDecimal;

/** Swedish ceilings in SEK: påminnelseavgift, inkassokrav fee and förseningsersättning. */
public record SwedishFees(BigDecimal paminnelseavgift, BigDecimal inkassokrav, BigDecimal forseningsersattning) {
}

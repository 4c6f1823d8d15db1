package no.purreflyt.rules;

/** The fractions of R the creditor's own letters may charge, dated by the claim's due date. */
public record FeeFractions(Fraction purring, Fraction inkassovarsel, Fraction betalingsoppfordring) {
}

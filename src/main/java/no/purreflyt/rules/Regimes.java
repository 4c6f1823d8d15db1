package no.purreflyt.rules;

import java.time.LocalDate;

import no.purreflyt.ledger.Country;

/**
 * Chooses the regime of a step. The new Norwegian inkassolov has no in-force date yet: until an operator sets
 * one, Norway stays under the 1988 act.
 */
public final class Regimes {

    private final LocalDate newInkassolovFrom;

    /** @param newInkassolovFrom the first day under the new inkassolov, or null while it is not decided */
    public Regimes(LocalDate newInkassolovFrom) {
        this.newInkassolovFrom = newInkassolovFrom;
    }

    public Regime on(Country country, LocalDate date) {
        return switch (country) {
            case SE -> Regime.SWEDEN;
            case NO -> newInkassolovFrom != null && !date.isBefore(newInkassolovFrom)
                    ? Regime.NORWAY_NEW_INKASSOLOV : Regime.NORWAY;
        };
    }

    public LocalDate newInkassolovFrom() {
        return newInkassolovFrom;
    }
}

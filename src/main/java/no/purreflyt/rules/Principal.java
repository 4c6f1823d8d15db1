package no.purreflyt.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The principal a claim carries over time: the invoice amount less payments and credits. A payment on a day
 * still leaves that day's interest on the old principal ("up to and including the payment date"); the lower
 * principal accrues from the next day. Never below zero.
 */
public final class Principal {

    private record Reduction(LocalDate on, BigDecimal amount) {
    }

    private final BigDecimal initial;
    private final List<Reduction> reductions;

    private Principal(BigDecimal initial, List<Reduction> reductions) {
        this.initial = initial;
        this.reductions = reductions;
    }

    public static Principal of(BigDecimal amount) {
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("a principal cannot be negative: " + amount);
        }
        return new Principal(amount, List.of());
    }

    /** The same principal with a payment or credit of {@code amount} made on {@code date}. */
    public Principal reducedOn(LocalDate date, BigDecimal amount) {
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("a reduction cannot be negative: " + amount);
        }
        List<Reduction> next = new ArrayList<>(reductions);
        next.add(new Reduction(date, amount));
        return new Principal(initial, List.copyOf(next));
    }

    /** The principal that accrues interest on this day. */
    public BigDecimal at(LocalDate day) {
        BigDecimal amount = initial;
        for (Reduction reduction : reductions) {
            if (reduction.on().isBefore(day)) {
                amount = amount.subtract(reduction.amount());
            }
        }
        return amount.max(BigDecimal.ZERO);
    }

    /**
     * What payments up to and including {@code day} brought beyond the principal (they go to the fees, the
     * compensation and the interest); zero while the principal is not paid.
     */
    public BigDecimal paidBeyondOn(LocalDate day) {
        BigDecimal reduced = reductions.stream().filter(r -> !r.on().isAfter(day)).map(Reduction::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return reduced.subtract(initial).max(BigDecimal.ZERO);
    }

    /** The first day after {@code day} on which the principal may change, or null when it never does. */
    LocalDate nextChangeAfter(LocalDate day) {
        return reductions.stream().map(r -> r.on().plusDays(1)).filter(from -> from.isAfter(day))
                .min(LocalDate::compareTo).orElse(null);
    }
}

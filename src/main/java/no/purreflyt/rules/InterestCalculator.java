package no.purreflyt.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import no.purreflyt.ledger.Country;

/**
 * Late-payment interest. Each day after the start through the end date accrues
 * {@code principal × rate / 100 / daysInYear}: Norway counts 366 in a leap year (lovavdelingen's method),
 * Sweden always 365. The rate is the one of the half-year the day falls in, so a span is split at every period
 * boundary, at every change of principal and at every new year. The sum is rounded once, half-up.
 */
public final class InterestCalculator {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final int EXACT_SCALE = 20;

    private final RuleTables tables;

    public InterestCalculator(RuleTables tables) {
        this.tables = tables;
    }

    /**
     * Interest from the day after {@code accruesAfter} (the due date) through {@code through}, both included.
     * An end on or before the start gives no interest.
     */
    public InterestStatement interest(Country country, LocalDate accruesAfter, Principal principal, LocalDate through) {
        List<InterestLine> lines = new ArrayList<>();
        // sums of principal × rate × days, kept apart by day basis so the total is one exact division
        BigDecimal per365 = BigDecimal.ZERO;
        BigDecimal per366 = BigDecimal.ZERO;
        LocalDate day = accruesAfter.plusDays(1);
        while (!day.isAfter(through)) {
            Dated<BigDecimal> rate = rateAt(country, day);
            LocalDate end = earliest(through, rate.to(), day.withDayOfYear(day.lengthOfYear()),
                    dayBefore(principal.nextChangeAfter(day)));
            long days = ChronoUnit.DAYS.between(day, end) + 1;
            BigDecimal amount = principal.at(day);
            int basis = country == Country.NO && day.isLeapYear() ? 366 : 365;
            BigDecimal product = amount.multiply(rate.value()).multiply(BigDecimal.valueOf(days));
            if (basis == 366) {
                per366 = per366.add(product);
            } else {
                per365 = per365.add(product);
            }
            lines.add(new InterestLine(day, end, days, amount, rate.value(), basis,
                    product.divide(HUNDRED.multiply(BigDecimal.valueOf(basis)), 2, RoundingMode.HALF_UP),
                    rate.source(), rate.confidence()));
            day = end.plusDays(1);
        }
        // per365 / 36500 + per366 / 36600, as one fraction
        BigDecimal numerator = per365.multiply(BigDecimal.valueOf(366)).add(per366.multiply(BigDecimal.valueOf(365)));
        BigDecimal denominator = BigDecimal.valueOf(100L * 365 * 366);
        return new InterestStatement(List.copyOf(lines), numerator.divide(denominator, 2, RoundingMode.HALF_UP),
                numerator.divide(denominator, EXACT_SCALE, RoundingMode.HALF_UP));
    }

    private Dated<BigDecimal> rateAt(Country country, LocalDate day) {
        return switch (country) {
            case NO -> tables.norwegianInterest().rowAt(day);
            case SE -> tables.swedishRate().rowAt(day).map(SwedishRate::annualPercent);
        };
    }

    private static LocalDate dayBefore(LocalDate date) {
        return date == null ? null : date.minusDays(1);
    }

    private static LocalDate earliest(LocalDate... dates) {
        LocalDate earliest = null;
        for (LocalDate date : dates) {
            if (date != null && (earliest == null || date.isBefore(earliest))) {
                earliest = date;
            }
        }
        return earliest;
    }
}

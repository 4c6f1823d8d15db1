package no.purreflyt.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import no.purreflyt.ledger.Country;

/**
 * Checks a dunning plan against the law before anyone runs it, so a plan that could only break it is refused with a
 * sentence naming the step and the rule, instead of having its steps skipped case by case later:
 * <ul>
 * <li>a fee before day 14 after the due date (inkassoforskriften § 1-2);</li>
 * <li>a deadline under 14 days where a fee-bearing purring or an inkassovarsel needs 14 (§ 1-3, inkassoloven § 9);</li>
 * <li>more fees than a claim may carry (§ 1-3: two before a betalingsoppfordring, for a plan written for Norway;
 * Sweden: one påminnelseavgift);</li>
 * <li>the creditor's own inkassovarsel, or a fee-bearing purring, that a case started today would send on or after the
 * day the new inkassolov takes effect (when the operator has set that day).</li>
 * </ul>
 * A purring the plan sends without a fee is a free reminder in law, and none of these rules concerns it. The plan's
 * days are the earliest days; the process never sends a step earlier, only later.
 *
 * <p>A plan for any country (no country given) is checked against the Norwegian rules, which are the stricter; the
 * Swedish second påminnelseavgift of such a plan is left to the rules on its day (they send it without the fee), as is
 * a Norwegian third fee of an inkassovarsel.
 */
public final class PlanRules {

    /**
     * One step as the plan states it.
     *
     * @param label how a credit controller names the step ("Purring 1")
     */
    public record Step(String label, StepKind kind, int daysAfterDue, int deadlineDays, boolean chargeFee) {
    }

    /** A rule the plan breaks: the step (its index in the list checked), the rule and a sentence. */
    public record Violation(int step, String rule, String message) {
    }

    private static final int FEE_DAY = FeeRules.FEE_DAYS_AFTER_DUE;
    private static final int MINIMUM_DEADLINE_DAYS = 14;

    private final Regimes regimes;

    public PlanRules(Regimes regimes) {
        this.regimes = regimes;
    }

    /**
     * @param country the debtors' country the plan is for, or null for a plan any debtor may get
     * @param today   the day a case started now would be due at the earliest, for the regime that applies to its steps
     */
    public List<Violation> check(Country country, List<Step> steps, LocalDate today) {
        List<Violation> violations = new ArrayList<>();
        boolean norway = country == null || country == Country.NO;
        if (norway) {
            norwegian(steps, today, country == Country.NO, violations);
        }
        if (country == Country.SE) {
            swedish(steps, violations);
        }
        return violations;
    }

    /**
     * @param countWarningFee whether an inkassovarsel's fee counts towards § 1-3's two fees: for a plan written for
     *                        Norway it does; a plan for any country also sends the Swedish inkassokrav, whose fee is
     *                        another one, and the rules drop a Norwegian third fee on its day
     */
    private void norwegian(List<Step> steps, LocalDate today, boolean countWarningFee, List<Violation> violations) {
        List<Integer> feeSteps = new ArrayList<>();
        List<Integer> earliest = earliestDays(steps);
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            boolean feeNotice = step.chargeFee() && (step.kind() == StepKind.PURRING || step.kind() == StepKind.INKASSOVARSEL);
            if (feeNotice && step.daysAfterDue() < FEE_DAY) {
                violations.add(new Violation(i, "inkassoforskriften § 1-2", step.label() + " charges a fee on day "
                        + step.daysAfterDue() + " after the due date; inkassoforskriften § 1-2 allows a fee from day "
                        + FEE_DAY + " at the earliest. Plan it for day " + FEE_DAY + " or later, or send it without a fee."));
            }
            if (step.kind() == StepKind.INKASSOVARSEL && step.deadlineDays() < MINIMUM_DEADLINE_DAYS) {
                violations.add(new Violation(i, "inkassoloven § 9", step.label() + " gives a deadline of "
                        + step.deadlineDays() + " days; inkassoloven § 9 requires at least " + MINIMUM_DEADLINE_DAYS
                        + " days from sending."));
            } else if (feeNotice && step.deadlineDays() < MINIMUM_DEADLINE_DAYS) {
                violations.add(new Violation(i, "inkassoforskriften § 1-3", step.label() + " charges a fee and gives a "
                        + "deadline of " + step.deadlineDays() + " days; a purring with a fee must give at least "
                        + MINIMUM_DEADLINE_DAYS + " days (inkassoforskriften § 1-3: the next fee needs a missed deadline "
                        + "of at least " + MINIMUM_DEADLINE_DAYS + " days)."));
            }
            if (feeNotice && (step.kind() == StepKind.PURRING || countWarningFee)) {
                feeSteps.add(i);
                if (feeSteps.size() == 3) {
                    violations.add(new Violation(i, "inkassoforskriften § 1-3", step.label() + " would be the third fee "
                            + "on the claim (after " + steps.get(feeSteps.get(0)).label() + " and "
                            + steps.get(feeSteps.get(1)).label() + "); inkassoforskriften § 1-3 allows two fees before "
                            + "a betalingsoppfordring (two purringer, or one purring and one inkassovarsel). Send it "
                            + "without a fee."));
                }
            }
            LocalDate from = regimes.newInkassolovFrom();
            LocalDate day = today.plusDays(earliest.get(i));
            if (from != null && !day.isBefore(from)) {
                if (step.kind() == StepKind.INKASSOVARSEL) {
                    violations.add(new Violation(i, "new inkassolov (LOV-2026-05-22-19)", step.label() + ": a case "
                            + "this plan starts today would send it on " + day + " at the earliest; from " + from
                            + " only licensed collection agencies may send an inkassovarsel (the new inkassolov). Leave "
                            + "the inkassovarsel out and hand the claim over instead."));
                } else if (feeNotice) {
                    violations.add(new Violation(i, "new inkassolov (LOV-2026-05-22-19)", step.label() + ": a case "
                            + "this plan starts today would send it on " + day + " at the earliest; from " + from
                            + " the creditor's own fee-bearing letters are gebyrbelagte kravbrev, whose amounts no "
                            + "regulation has set yet. Send it without a fee."));
                }
            }
        }
    }

    private static void swedish(List<Step> steps, List<Violation> violations) {
        Integer first = null;
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            if (step.kind() == StepKind.PURRING && step.chargeFee()) {
                if (first != null) {
                    violations.add(new Violation(i, "lag 1981:739 § 2", step.label() + " would charge a second "
                            + "påminnelseavgift; " + steps.get(first).label() + " already charges one, and a claim "
                            + "carries one (Purreflyt's conservative reading of lag 1981:739). Send it without a fee."));
                } else {
                    first = i;
                }
            }
        }
    }

    /**
     * The earliest day after the due date each step can go out, by the plan alone: its own day, and never before the
     * previous step's deadline has passed. (The law and business days can only move a step later.)
     */
    static List<Integer> earliestDays(List<Step> steps) {
        List<Integer> days = new ArrayList<>();
        Integer previousDeadline = null;
        for (Step step : steps) {
            int day = Math.max(Math.max(1, step.daysAfterDue()), previousDeadline == null ? 0 : previousDeadline + 1);
            days.add(day);
            if (step.kind() != StepKind.HANDOVER) {
                previousDeadline = day + step.deadlineDays();
            }
        }
        return days;
    }
}

package no.purreflyt.plan;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import no.purreflyt.ledger.Country;
import no.purreflyt.rules.PlanRules;
import no.purreflyt.rules.StepKind;
import no.purreflyt.web.FieldProblem;

/**
 * A dunning plan as a creditor shapes it (the API's request and answer, and the stored version): how many free
 * reminders, purringer and whether an inkassovarsel and a handover follow, on which days and with which deadlines,
 * which fees and interest it charges, and which invoices it takes at all. Optional switches left out take the fee
 * policy's defaults; {@link #normalized} writes them out, so a stored version says everything it does.
 *
 * @param country                 the debtors' country the plan is written for, or null for any (checked against both)
 * @param feePolicy               MILD: no fees; MEDIUM: fees on purringer only; STRICT: every fee the law allows
 * @param reminders               free reminders before the purringer, or null for none
 * @param purringer               0 to 2 purringer
 * @param inkassovarsel           the creditor's own inkassovarsel, or null for none
 * @param handover                the handover to a collection agency after the last deadline, or null: the case then
 *                                waits for payment after its last notice
 * @param interest                late-payment interest (default: on under STRICT)
 * @param compensation            a business debtor's standard compensation (default: on under STRICT)
 * @param reminderFeeAgreed       Sweden: a påminnelseavgift was agreed when the debt arose
 * @param graceDays               post days: an invoice is dunned when overdue by more than this
 * @param minimumAmount           an invoice with this much outstanding or less is not dunned
 * @param timeOfDay               when the automatic steps of a day go out, in the business clock's zone
 * @param acceptPaymentWithoutFee the principal paid settles the case; fees and interest are written off
 * @param startFromInvoiceNumber  invoices numbered before this one are not dunned (another system dunned them)
 * @param interestInvoice         an interest invoice (rentenota) after a late payment, or null for none
 */
public record PlanDefinition(
        @NotBlank @Size(max = 100) String name,
        Country country,
        @NotNull FeePolicy feePolicy,
        @Valid Reminders reminders,
        @Size(max = 2, message = "a plan has at most two purringer") List<@Valid @NotNull Purring> purringer,
        @Valid Inkassovarsel inkassovarsel,
        @Valid Handover handover,
        Boolean interest,
        Boolean compensation,
        boolean reminderFeeAgreed,
        @Min(0) @Max(60) Integer graceDays,
        @DecimalMin("0.00") @DecimalMax("1000000000.00") @Digits(integer = 12, fraction = 2) BigDecimal minimumAmount,
        LocalTime timeOfDay,
        boolean acceptPaymentWithoutFee,
        @Size(max = 64) String startFromInvoiceNumber,
        @Valid InterestInvoice interestInvoice) {

    /** Days after the handover in which the case can be withdrawn from the agency at no cost, unless the plan says. */
    public static final int DEFAULT_WITHDRAWAL_WINDOW_DAYS = 10;
    /** Days the debtor has to pay an interest invoice, unless the plan says. */
    public static final int DEFAULT_INTEREST_INVOICE_DEADLINE_DAYS = 14;

    public enum FeePolicy {
        /** no fees at all */
        MILD,
        /** fees on purringer; the inkassovarsel without */
        MEDIUM,
        /** every fee the law allows, and interest */
        STRICT
    }

    /** CREATE_ONLY: the notice waits for a credit controller's review in Tasklist; CREATE_AND_SEND: it goes out. */
    public enum Mode {
        CREATE_AND_SEND, CREATE_ONLY
    }

    /** MANUAL: a credit controller approves each handover in Tasklist; AUTOMATIC: it happens on its day. */
    public enum Approval {
        MANUAL, AUTOMATIC
    }

    /**
     * @param count     how many free reminders (0 for none)
     * @param everyDays days between the reminders when there is more than one
     * @param feeFree   reminders never carry a fee (a reminder with a fee is a purring); false is refused
     */
    public record Reminders(@Min(0) @Max(5) int count, @Min(1) @Max(365) int daysAfterDue, @Min(0) @Max(90) int everyDays,
            @Min(0) @Max(90) int deadlineDays, Mode mode, Boolean feeFree) {
    }

    /** @param fee whether it charges the purring fee (default: yes, except under MILD) */
    public record Purring(@Min(1) @Max(365) int daysAfterDue, @Min(0) @Max(90) int deadlineDays, Boolean fee, Mode mode) {
    }

    /**
     * @param fee whether it charges a fee, where the law allows it on its day (default: under STRICT; for a plan written
     *            for Norway only when the purringer leave one of the two fees inkassoforskriften § 1-3 allows — a plan for
     *            any country leaves the Norwegian debtor's third fee to the rules, which drop it, and charges the
     *            Swedish inkassokrav fee)
     */
    public record Inkassovarsel(@Min(1) @Max(365) int daysAfterDue, @Min(0) @Max(90) int deadlineDays, Boolean fee,
            Mode mode) {
    }

    /**
     * @param agency               the collection agency the claim goes to
     * @param withdrawalWindowDays days after the handover in which a credit controller can withdraw the case from the
     *                             agency at no cost (default 10)
     */
    public record Handover(@NotNull Approval approval, @NotBlank @Size(max = 100) String agency,
            @Min(0) @Max(60) Integer withdrawalWindowDays) {
    }

    /**
     * When the invoice is paid after its due date, the interest that accrued and was not paid is invoiced if it is
     * above {@code minimumAmount}: a rentenota with interest alone costs the creditor more than a few kroner are worth.
     *
     * @param minimumAmount the interest left must be above this (default 0.00: any interest at all)
     * @param deadlineDays  the debtor's deadline, counted from the day it is written (default 14)
     */
    public record InterestInvoice(
            @DecimalMin("0.00") @DecimalMax("1000000000.00") @Digits(integer = 12, fraction = 2) BigDecimal minimumAmount,
            @Min(1) @Max(90) Integer deadlineDays) {
    }

    /** What a plan leaves out and the installation gives (the case starter's settings). */
    public record Defaults(int graceDays, BigDecimal minimumAmount, LocalTime timeOfDay) {
    }

    /** This plan with every default written out. */
    public PlanDefinition normalized(Defaults defaults) {
        boolean strict = feePolicy == FeePolicy.STRICT;
        Reminders r = reminders == null || reminders.count() == 0 ? null
                : new Reminders(reminders.count(), reminders.daysAfterDue(), reminders.count() > 1 ? reminders.everyDays() : 0,
                        reminders.deadlineDays(), orSend(reminders.mode()), !Boolean.FALSE.equals(reminders.feeFree()));
        List<Purring> p = new ArrayList<>();
        for (Purring purring : purringer == null ? List.<Purring>of() : purringer) {
            p.add(new Purring(purring.daysAfterDue(), purring.deadlineDays(),
                    purring.fee() != null ? purring.fee() : feePolicy != FeePolicy.MILD, orSend(purring.mode())));
        }
        Inkassovarsel i = null;
        if (inkassovarsel != null) {
            long purringFees = p.stream().filter(Purring::fee).count();
            i = new Inkassovarsel(inkassovarsel.daysAfterDue(), inkassovarsel.deadlineDays(),
                    inkassovarsel.fee() != null ? inkassovarsel.fee()
                            : strict && (country != Country.NO || purringFees < 2),
                    inkassovarsel.mode() != null ? inkassovarsel.mode() : Mode.CREATE_ONLY);
        }
        Handover h = handover == null ? null : new Handover(handover.approval(), handover.agency(),
                handover.withdrawalWindowDays() != null ? handover.withdrawalWindowDays() : DEFAULT_WITHDRAWAL_WINDOW_DAYS);
        InterestInvoice ii = interestInvoice == null ? null : new InterestInvoice(
                (interestInvoice.minimumAmount() != null ? interestInvoice.minimumAmount() : BigDecimal.ZERO).setScale(2),
                interestInvoice.deadlineDays() != null ? interestInvoice.deadlineDays()
                        : DEFAULT_INTEREST_INVOICE_DEADLINE_DAYS);
        return new PlanDefinition(name.strip(), country, feePolicy, r, List.copyOf(p), i, h,
                interest != null ? interest : strict, compensation != null ? compensation : strict, reminderFeeAgreed,
                graceDays != null ? graceDays : defaults.graceDays(),
                (minimumAmount != null ? minimumAmount : defaults.minimumAmount()).setScale(2),
                timeOfDay != null ? timeOfDay.withSecond(0).withNano(0) : defaults.timeOfDay(),
                acceptPaymentWithoutFee, blankToNull(startFromInvoiceNumber), ii);
    }

    /**
     * What is wrong with this (normalized) plan beyond its field constraints: contradictions with its own fee policy,
     * and the law ({@link PlanRules}) — each a sentence naming the step and the rule.
     */
    public List<FieldProblem> problems(PlanRules rules, java.time.LocalDate today) {
        List<FieldProblem> problems = new ArrayList<>();
        if (reminders != null && Boolean.FALSE.equals(reminders.feeFree())) {
            problems.add(FieldProblem.of("reminders.feeFree", "A free reminder carries no fee; a reminder with a fee is a "
                    + "purring: add a purring step instead."));
        }
        if (reminders != null && reminders.count() > 1 && reminders.everyDays() < 1) {
            problems.add(FieldProblem.of("reminders.everyDays", "With " + reminders.count() + " free reminders, everyDays "
                    + "(the days between them) must be 1 or more."));
        }
        if (handover == null && inkassovarsel == null && purringer.isEmpty() && reminders == null) {
            problems.add(FieldProblem.of("purringer", "The plan has no step: give it at least a reminder, a purring, an "
                    + "inkassovarsel or a handover."));
        }
        for (int n = 0; n < purringer.size(); n++) {
            if (purringer.get(n).fee() && feePolicy == FeePolicy.MILD) {
                problems.add(FieldProblem.of("purringer[" + n + "].fee", "Purring " + (n + 1) + " charges a fee, but the "
                        + "fee policy MILD charges none: choose MEDIUM or STRICT, or set fee to false."));
            }
        }
        if (inkassovarsel != null && inkassovarsel.fee() && feePolicy != FeePolicy.STRICT) {
            problems.add(FieldProblem.of("inkassovarsel.fee", "The inkassovarsel charges a fee, but the fee policy "
                    + feePolicy + " charges " + (feePolicy == FeePolicy.MILD ? "none" : "fees on purringer only")
                    + ": choose STRICT, or set fee to false."));
        }
        if (interestInvoice != null && !Boolean.TRUE.equals(interest)) {
            problems.add(FieldProblem.of("interestInvoice", "The plan sends an interest invoice, but charges no "
                    + "interest: an interest invoice needs interest: true, or leave interestInvoice out."));
        }
        if (interestInvoice != null && acceptPaymentWithoutFee) {
            problems.add(FieldProblem.of("interestInvoice", "The plan sends an interest invoice, but with "
                    + "acceptPaymentWithoutFee: true the principal paid settles the case and writes the interest off: "
                    + "set acceptPaymentWithoutFee to false, or leave interestInvoice out."));
        }
        List<StepField> steps = lawSteps();
        for (PlanRules.Violation violation : rules.check(country, steps.stream().map(StepField::step).toList(), today)) {
            problems.add(FieldProblem.of(steps.get(violation.step()).field(), violation.message()));
        }
        return problems;
    }

    private record StepField(PlanRules.Step step, String field) {
    }

    /** The plan's steps as the law sees them (repeated reminders written out), with the field each comes from. */
    private List<StepField> lawSteps() {
        return steps().stream().map(s -> new StepField(new PlanRules.Step(s.step().label(), s.step().kind(),
                s.step().daysAfterDue(), s.step().deadlineDays(), !s.step().withoutFee()), s.field())).toList();
    }

    private record Located(DunningPlan.Step step, String field) {
    }

    /** The steps a case follows, in order, with repeated reminders written out, and the field each comes from. */
    private List<Located> steps() {
        List<Located> steps = new ArrayList<>();
        if (reminders != null) {
            for (int n = 0; n < reminders.count(); n++) {
                steps.add(new Located(new DunningPlan.Step(StepKind.REMINDER, reminders.daysAfterDue() + n * reminders.everyDays(),
                        reminders.deadlineDays(), reminders.mode() == Mode.CREATE_ONLY, true, reminders.count() == 1 ? "Free reminder" : "Free reminder " + (n + 1)), "reminders"));
            }
        }
        for (int n = 0; n < purringer.size(); n++) {
            Purring p = purringer.get(n);
            steps.add(new Located(new DunningPlan.Step(StepKind.PURRING, p.daysAfterDue(), p.deadlineDays(), p.mode() == Mode.CREATE_ONLY,
                    !p.fee(), purringer.size() == 1 ? "Purring" : "Purring " + (n + 1)), "purringer[" + n + "]"));
        }
        if (inkassovarsel != null) {
            steps.add(new Located(new DunningPlan.Step(StepKind.INKASSOVARSEL, inkassovarsel.daysAfterDue(), inkassovarsel.deadlineDays(),
                    inkassovarsel.mode() == Mode.CREATE_ONLY, !inkassovarsel.fee(), "Inkassovarsel"), "inkassovarsel"));
        }
        if (handover != null) {
            steps.add(new Located(new DunningPlan.Step(StepKind.HANDOVER, 0, 0, handover.approval() == Approval.MANUAL, true, "Handover"), "handover"));
        }
        return steps;
    }

    /** The plan a case keeps: this (normalized) definition with its steps written out. */
    public DunningPlan compile(String key, int version) {
        return new DunningPlan(name, steps().stream().map(Located::step).toList(), interest, compensation, reminderFeeAgreed, key, version,
                handover == null ? null : handover.agency(), timeOfDay, acceptPaymentWithoutFee,
                interestInvoice == null ? null : interestInvoice.minimumAmount(),
                interestInvoice == null ? 0 : interestInvoice.deadlineDays(),
                // a version stored before the window existed says none: the default, as for a new plan
                handover == null || handover.withdrawalWindowDays() == null ? DEFAULT_WITHDRAWAL_WINDOW_DAYS
                        : handover.withdrawalWindowDays());
    }

    private static Mode orSend(Mode mode) {
        return mode != null ? mode : Mode.CREATE_AND_SEND;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

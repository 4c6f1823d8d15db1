package no.purreflyt.plan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import no.purreflyt.ledger.Country;
import no.purreflyt.ledger.CustomerType;
import no.purreflyt.rules.Claim;
import no.purreflyt.rules.ClaimCalculator;
import no.purreflyt.rules.FeeDecision;
import no.purreflyt.rules.ForecastStep;
import no.purreflyt.rules.Forecaster;
import no.purreflyt.rules.Principal;
import no.purreflyt.rules.RuleGapException;
import no.purreflyt.rules.SentNotice;
import no.purreflyt.rules.StepKind;
import org.springframework.stereotype.Component;

/**
 * A plan's whole flow in words and dates, laid over a sample invoice, so a credit controller sees what a debtor will
 * get before the plan is used: each step on its day with its fee and deadline, whether a person sends it, what the
 * debtor owes at the end if nothing is paid, and which invoices the plan takes.
 */
@Component
public class PlanSummary {

    /** The invoice the plan is laid over. */
    public record Sample(LocalDate dueDate, BigDecimal amount, Country country, CustomerType debtorType) {

        String currency() {
            return country.currency();
        }
    }

    /** The summary: one sentence a line, and the steps as the forecast gives them. */
    public record Summary(String plan, String name, Sample sample, String currency, List<String> lines,
            List<ForecastStep> steps) {
    }

    private final Forecaster forecaster;
    private final ClaimCalculator claims;

    PlanSummary(Forecaster forecaster, ClaimCalculator claims) {
        this.forecaster = forecaster;
        this.claims = claims;
    }

    public Summary summarize(Plans.InUse version, Sample sample) {
        PlanDefinition definition = version.definition();
        DunningPlan plan = version.compiled();
        String currency = sample.currency();
        List<ForecastStep> steps = forecaster.forecast(sample.country(), sample.debtorType(), sample.dueDate(),
                plan.plannedSteps(), plan.reminderFeeAgreed());
        List<String> lines = new ArrayList<>();
        lines.add("Plan \"" + plan.name() + "\" (" + plan.reference() + ") for a sample invoice of " + money(sample.amount())
                + " " + currency + " to a " + debtor(sample.debtorType()) + " in " + country(sample.country())
                + ", due " + sample.dueDate() + ".");
        lines.add("A case starts when the invoice is overdue by more than " + definition.graceDays() + " days and more than "
                + money(definition.minimumAmount()) + " " + currency + " is outstanding"
                + (definition.startFromInvoiceNumber() == null ? "" : ", for invoice numbers from "
                + definition.startFromInvoiceNumber() + " on") + ".");
        List<SentNotice> sent = new ArrayList<>();
        LocalDate end = null;
        for (ForecastStep step : steps) {
            DunningPlan.Step planned = plan.step(step.planStep());
            lines.add(line(step, planned, plan, currency));
            if (step.notice() != null && step.allowed() && step.date() != null && step.fee() != null) {
                sent.add(new SentNotice(step.notice(), step.date(), step.deadline(), step.fee()));
                end = step.deadline() != null ? step.deadline().plusDays(1) : step.date();
            } else if (step.step() == StepKind.HANDOVER && step.date() != null) {
                end = step.date();
            }
            if (step.fee() == null && step.notice() != null) {
                break; // a gap in the legal tables ends the forecast here
            }
        }
        if (end != null) {
            lines.add(owed(sample, plan, sent, end, currency));
        }
        lines.add(plan.interest() ? "Late-payment interest runs from " + sample.dueDate().plusDays(1) + "."
                : "No late-payment interest is charged.");
        if (plan.compensation()) {
            lines.add(sample.debtorType() == CustomerType.BUSINESS
                    ? "The business debtor's standard compensation is claimed, less the fees charged."
                    : "A business debtor would also owe the standard compensation, less the fees charged; a consumer "
                            + "owes none.");
        }
        if (plan.hasInterestInvoice()) {
            lines.add("If the invoice is paid after its due date, the interest left unpaid is invoiced (rentenota) when it "
                    + "is above " + money(plan.interestInvoiceMinimum()) + " " + currency + ", with a deadline of "
                    + plan.interestInvoiceDeadlineDays() + " days.");
        }
        lines.add(definition.acceptPaymentWithoutFee()
                ? "Payment of the principal alone settles the case; fees and interest are then written off."
                : "Payment of the principal alone does not settle the case while the fees charged are unpaid.");
        if (definition.handover() != null) {
            String agency = plan.agency();
            lines.add(plan.withdrawalWindowDays() > 0
                    ? "A credit controller can withdraw a handed-over case from " + agency + " at no cost within "
                            + plan.withdrawalWindowDays() + " days after the handover."
                    : "A handed-over case cannot be withdrawn from " + agency + " at no cost (no withdrawal window).");
        }
        return new Summary(plan.reference(), plan.name(), sample, currency, lines, steps);
    }

    private static String line(ForecastStep step, DunningPlan.Step planned, DunningPlan plan, String currency) {
        String day = step.date() == null ? "(no date)" : step.date().toString();
        if (step.step() == StepKind.HANDOVER) {
            return day + ": handover to " + (plan.agency() == null ? "the collection agency" : plan.agency())
                    + (planned.review() ? " once a credit controller approves it." : ", automatically.");
        }
        String name = planned.name();
        if (step.notice() != null && !step.notice().name().equals(step.step().name())
                && step.step() != StepKind.REMINDER) {
            name += " (" + step.notice().label() + ")"; // the letter of the debtor's country: a Swedish påminnelse
        }
        if (!step.allowed() && step.fee() != null) {
            return day + ": " + name + " is not sent: " + step.reason();
        }
        if (step.fee() == null) {
            return day + ": " + name + ": " + step.reason();
        }
        String fee;
        if (step.fee().signum() > 0) {
            fee = " with a fee of " + money(step.fee()) + " " + currency;
        } else if (step.step() == StepKind.REMINDER) {
            fee = ", free of charge";
        } else if (FeeDecision.PLAN_RULE.equals(step.rule())) {
            fee = " without a fee (the plan charges none)";
        } else {
            fee = " without a fee (" + step.rule() + ")";
        }
        String deadline = step.deadline() == null ? "" : ", deadline " + step.deadline();
        String how = planned.review() ? "prepared for a credit controller's review before it is sent"
                : "sent automatically at " + (plan.timeOfDay() == null ? "the daily run" : plan.timeOfDay());
        return day + ": " + name + fee + deadline + "; " + how + ".";
    }

    private String owed(Sample sample, DunningPlan plan, List<SentNotice> sent, LocalDate day, String currency) {
        try {
            Claim claim = claims.claim(sample.country(), sample.debtorType(), sample.dueDate(), Principal.of(sample.amount()),
                    sent, plan.interest(), plan.compensation(), day);
            BigDecimal fees = claim.fees().stream().map(SentNotice::fee).reduce(BigDecimal.ZERO, BigDecimal::add);
            StringBuilder text = new StringBuilder("If nothing is paid, the debtor owes " + money(claim.total()) + " "
                    + currency + " on " + day + ": principal " + money(claim.principal()) + ", fees " + money(fees)
                    + ", interest " + money(claim.interest().total()));
            if (claim.compensation().charged().signum() > 0) {
                text.append(", compensation ").append(money(claim.compensation().charged()));
            }
            return text.append(".").toString();
        } catch (RuleGapException gap) {
            return "What the debtor owes on " + day + " cannot be computed yet: " + gap.getMessage() + ".";
        }
    }

    private static String money(BigDecimal amount) {
        return amount.setScale(2).toPlainString();
    }

    private static String debtor(CustomerType type) {
        return type == CustomerType.BUSINESS ? "business" : "consumer";
    }

    private static String country(Country country) {
        return country == Country.SE ? "Sweden" : "Norway";
    }
}

package no.purreflyt.claim;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import no.purreflyt.ledger.Customer;
import no.purreflyt.ledger.DunningCase;
import no.purreflyt.ledger.DunningCases;
import no.purreflyt.ledger.Invoice;
import no.purreflyt.ledger.LedgerService;
import no.purreflyt.notice.NoticeHistory;
import no.purreflyt.plan.DunningPlan;
import no.purreflyt.plan.PlanSelection;
import no.purreflyt.plan.Plans;
import no.purreflyt.rules.Claim;
import no.purreflyt.rules.ClaimCalculator;
import no.purreflyt.rules.ForecastStep;
import no.purreflyt.rules.Forecaster;
import no.purreflyt.rules.Principal;
import no.purreflyt.rules.Regimes;
import no.purreflyt.rules.SentNotice;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an invoice's debtor owes on a day, and what its plan will do next, from the ledger, the notices its case sent
 * and the rules. An invoice with a case is read against the plan that case keeps; one without, against the plan a
 * new case would take.
 */
@Service
public class ClaimService {

    private final LedgerService ledger;
    private final DunningCases cases;
    private final NoticeHistory notices;
    private final Plans plans;
    private final PlanSelection selection;
    private final ClaimCalculator claims;
    private final Forecaster forecaster;
    private final Regimes regimes;
    private final Clock clock;

    ClaimService(LedgerService ledger, DunningCases cases, NoticeHistory notices, Plans plans, PlanSelection selection,
            ClaimCalculator claims, Forecaster forecaster, Regimes regimes, Clock clock) {
        this.selection = selection;
        this.ledger = ledger;
        this.cases = cases;
        this.notices = notices;
        this.plans = plans;
        this.claims = claims;
        this.forecaster = forecaster;
        this.regimes = regimes;
        this.clock = clock;
    }

    public record ClaimView(String invoiceNumber, LocalDate dueDate, String country, String debtorType,
            String regime, Claim claim) {
    }

    /**
     * @param plan       the plan version ("standard v2"), or null for an excluded invoice
     * @param selectedBy why the invoice follows that plan
     * @param notDunned  for an invoice without a case: why a run today would not start one, else null
     */
    public record ForecastView(String invoiceNumber, LocalDate dueDate, String country, String debtorType,
            String currency, String plan, String selectedBy, String notDunned, List<ForecastStep> steps) {
    }

    /** The plan an invoice is read against: its case's, or the one a new case would take (null: excluded). */
    private record PlanOf(DunningPlan plan, String selectedBy, String notDunned) {
    }

    private PlanOf planOf(Invoice invoice, Customer customer, Optional<DunningCase> dunningCase) {
        if (dunningCase.isPresent()) {
            return new PlanOf(plans.ofCase(dunningCase.get().id()), dunningCase.get().planSelectedBy(), null);
        }
        PlanSelection.Choice choice = selection.choose(invoice, customer, LocalDate.now(clock));
        return new PlanOf(choice.plan() == null ? null : choice.plan().compiled(), choice.selectedBy(),
                choice.notDunned());
    }

    /** The claim on a day (today by the business clock when none is given), with the fees of the notices sent. */
    @Transactional(readOnly = true)
    public ClaimView claim(String invoiceNumber, LocalDate on) {
        Invoice invoice = ledger.invoice(invoiceNumber);
        Customer customer = ledger.customer(invoice.customerExternalId());
        LocalDate day = on != null ? on : LocalDate.now(clock);
        Optional<DunningCase> dunningCase = cases.latest(invoiceNumber);
        DunningPlan plan = planOf(invoice, customer, dunningCase).plan();
        List<SentNotice> sent = dunningCase.map(c -> notices.sent(c.id())).orElse(List.of());
        return new ClaimView(invoice.number(), invoice.dueDate(), customer.country().name(), customer.type().name(),
                regimes.on(customer.country(), day).law(), claimOf(invoice, customer, plan, sent, day));
    }

    /**
     * The claim on a day given the notices that count (those sent after the day are left out); for an invoice excluded
     * from dunning (no plan), the principal alone.
     */
    public Claim claimOf(Invoice invoice, Customer customer, DunningPlan plan, List<SentNotice> sent, LocalDate day) {
        return claims.claim(customer.country(), customer.type(), invoice.dueDate(), principal(invoice), sent,
                plan != null && plan.interest(), plan != null && plan.compensation(), day);
    }

    /**
     * The steps of the plan: for an invoice with a case, the steps it took as they happened and the rest from today
     * on; for one without, the plan laid from its due date.
     */
    @Transactional(readOnly = true)
    public ForecastView forecast(String invoiceNumber) {
        Invoice invoice = ledger.invoice(invoiceNumber);
        Customer customer = ledger.customer(invoice.customerExternalId());
        Optional<DunningCase> dunningCase = cases.latest(invoiceNumber);
        PlanOf of = planOf(invoice, customer, dunningCase);
        DunningPlan plan = of.plan();
        if (plan == null) {
            return new ForecastView(invoice.number(), invoice.dueDate(), customer.country().name(),
                    customer.type().name(), invoice.currency(), null, of.selectedBy(), of.notDunned(), List.of());
        }
        List<ForecastStep> steps = dunningCase
                .map(c -> forecaster.forecast(customer.country(), customer.type(), invoice.dueDate(),
                        plan.plannedSteps(), plan.reminderFeeAgreed(), notices.taken(c.id()), LocalDate.now(clock)))
                .orElseGet(() -> forecaster.forecast(customer.country(), customer.type(), invoice.dueDate(),
                        plan.plannedSteps(), plan.reminderFeeAgreed()));
        return new ForecastView(invoice.number(), invoice.dueDate(), customer.country().name(),
                customer.type().name(), invoice.currency(), plan.reference(), of.selectedBy(), of.notDunned(), steps);
    }

    private static Principal principal(Invoice invoice) {
        Principal principal = Principal.of(invoice.amount());
        for (Invoice.Payment payment : invoice.payments()) {
            principal = principal.reducedOn(payment.paidOn(), payment.amount());
        }
        for (Invoice.CreditNote credit : invoice.creditNotes()) {
            principal = principal.reducedOn(credit.date(), credit.amount());
        }
        return principal;
    }
}

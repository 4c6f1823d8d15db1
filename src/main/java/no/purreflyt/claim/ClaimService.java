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
    private final ClaimCalculator claims;
    private final Forecaster forecaster;
    private final Regimes regimes;
    private final Clock clock;

    ClaimService(LedgerService ledger, DunningCases cases, NoticeHistory notices, Plans plans, ClaimCalculator claims,
            Forecaster forecaster, Regimes regimes, Clock clock) {
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

    public record ForecastView(String invoiceNumber, LocalDate dueDate, String country, String debtorType,
            String currency, String plan, List<ForecastStep> steps) {
    }

    /** The claim on a day (today by the business clock when none is given), with the fees of the notices sent. */
    @Transactional(readOnly = true)
    public ClaimView claim(String invoiceNumber, LocalDate on) {
        Invoice invoice = ledger.invoice(invoiceNumber);
        Customer customer = ledger.customer(invoice.customerExternalId());
        LocalDate day = on != null ? on : LocalDate.now(clock);
        Optional<DunningCase> dunningCase = cases.latest(invoiceNumber);
        DunningPlan plan = dunningCase.map(c -> plans.ofCase(c.id())).orElseGet(plans::forNewCase);
        List<SentNotice> sent = dunningCase.map(c -> notices.sent(c.id())).orElse(List.of());
        return new ClaimView(invoice.number(), invoice.dueDate(), customer.country().name(), customer.type().name(),
                regimes.on(customer.country(), day).law(), claimOf(invoice, customer, plan, sent, day));
    }

    /** The claim on a day given the notices that count (those sent after the day are left out). */
    public Claim claimOf(Invoice invoice, Customer customer, DunningPlan plan, List<SentNotice> sent, LocalDate day) {
        return claims.claim(customer.country(), customer.type(), invoice.dueDate(), principal(invoice), sent,
                plan.interest(), plan.compensation(), day);
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
        DunningPlan plan = dunningCase.map(c -> plans.ofCase(c.id())).orElseGet(plans::forNewCase);
        List<ForecastStep> steps = dunningCase
                .map(c -> forecaster.forecast(customer.country(), customer.type(), invoice.dueDate(),
                        plan.plannedSteps(), plan.reminderFeeAgreed(), notices.taken(c.id()), LocalDate.now(clock)))
                .orElseGet(() -> forecaster.forecast(customer.country(), customer.type(), invoice.dueDate(),
                        plan.plannedSteps(), plan.reminderFeeAgreed()));
        return new ForecastView(invoice.number(), invoice.dueDate(), customer.country().name(),
                customer.type().name(), invoice.currency(), plan.name(), steps);
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

package no.purreflyt.claim;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import no.purreflyt.ledger.Customer;
import no.purreflyt.ledger.Invoice;
import no.purreflyt.ledger.LedgerService;
import no.purreflyt.rules.Claim;
import no.purreflyt.rules.ClaimCalculator;
import no.purreflyt.rules.ForecastStep;
import no.purreflyt.rules.Forecaster;
import no.purreflyt.rules.Principal;
import no.purreflyt.rules.Regimes;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What an invoice's debtor owes on a day, and what the plan will do next, from the ledger and the rules. */
@Service
public class ClaimService {

    private final LedgerService ledger;
    private final ClaimCalculator claims;
    private final Forecaster forecaster;
    private final Regimes regimes;
    private final DefaultPlanProperties plan;
    private final Clock clock;

    ClaimService(LedgerService ledger, ClaimCalculator claims, Forecaster forecaster, Regimes regimes,
            DefaultPlanProperties plan, Clock clock) {
        this.ledger = ledger;
        this.claims = claims;
        this.forecaster = forecaster;
        this.regimes = regimes;
        this.plan = plan;
        this.clock = clock;
    }

    public record ClaimView(String invoiceNumber, LocalDate dueDate, String country, String debtorType,
            String regime, Claim claim) {
    }

    public record ForecastView(String invoiceNumber, LocalDate dueDate, String country, String debtorType,
            String currency, String plan, List<ForecastStep> steps) {
    }

    /** The claim on a day (today by the business clock when none is given). */
    @Transactional(readOnly = true)
    public ClaimView claim(String invoiceNumber, LocalDate on) {
        Invoice invoice = ledger.invoice(invoiceNumber);
        Customer customer = ledger.customer(invoice.customerExternalId());
        LocalDate day = on != null ? on : LocalDate.now(clock);
        // notices and their fees come with the notice issue; until then a claim carries none
        Claim claim = claims.claim(customer.country(), customer.type(), invoice.dueDate(), principal(invoice),
                List.of(), plan.interest(), plan.compensation(), day);
        return new ClaimView(invoice.number(), invoice.dueDate(), customer.country().name(), customer.type().name(),
                regimes.on(customer.country(), day).law(), claim);
    }

    @Transactional(readOnly = true)
    public ForecastView forecast(String invoiceNumber) {
        Invoice invoice = ledger.invoice(invoiceNumber);
        Customer customer = ledger.customer(invoice.customerExternalId());
        List<ForecastStep> steps = forecaster.forecast(customer.country(), customer.type(), invoice.dueDate(),
                plan.plannedSteps(), plan.reminderFeeAgreed());
        return new ForecastView(invoice.number(), invoice.dueDate(), customer.country().name(),
                customer.type().name(), invoice.currency(), "default plan (purreflyt.default-plan)", steps);
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

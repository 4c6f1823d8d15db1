package no.purreflyt.plan;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import no.purreflyt.ledger.Country;
import no.purreflyt.ledger.Customer;
import no.purreflyt.ledger.CustomerType;
import no.purreflyt.ledger.DunningCase;
import no.purreflyt.ledger.DunningCases;
import no.purreflyt.ledger.Invoice;
import no.purreflyt.ledger.LedgerService;
import no.purreflyt.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Dunning plans through the API: quick setup (the seed plans, ready at the first start) and custom plans, each saved
 * as a new version after the law and the plan's own fee policy are checked; a plan's flow in words for a sample invoice;
 * a customer's own plan; and which plan an invoice follows and why.
 */
@RestController
@RequestMapping("/api")
@Validated
@Tag(name = "Plans", description = "Dunning plans, their versions and which invoices follow them")
class PlanController {

    record NewPlan(String key, PlanDefinition definition) {
    }

    record CustomerPlanRequest(@NotBlank @Size(max = 64) String planKey) {
    }

    /** A customer's own plan (null: select-plan.dmn decides for its invoices). */
    record CustomerPlanView(String customerExternalId, String planKey) {
    }

    private final Plans plans;
    private final PlanSelection selection;
    private final PlanSummary summary;
    private final LedgerService ledger;
    private final DunningCases cases;
    private final Clock clock;

    PlanController(Plans plans, PlanSelection selection, PlanSummary summary, LedgerService ledger, DunningCases cases,
            Clock clock) {
        this.cases = cases;
        this.plans = plans;
        this.selection = selection;
        this.summary = summary;
        this.ledger = ledger;
        this.clock = clock;
    }

    @GetMapping("/plans")
    @Operation(summary = "Every plan in its latest version, archived ones too")
    List<Plans.PlanView> all() {
        return plans.all();
    }

    @PostMapping("/plans")
    @Operation(summary = "Create a plan: {\"key\": \"mild\", \"definition\": {…}}; checked against the law")
    ResponseEntity<Plans.PlanView> create(@RequestBody NewPlan request, Principal principal) {
        if (request.definition() == null) {
            throw ProblemException.invalid("definition", "the plan's definition is missing");
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(plans.create(request.key(), request.definition(),
                principal.getName()));
    }

    @GetMapping("/plans/{key}")
    @Operation(summary = "A plan in its latest version, or the version asked for")
    Plans.PlanView get(@PathVariable String key, @RequestParam(required = false) Integer version) {
        return version == null ? plans.current(key) : plans.version(key, version);
    }

    @PutMapping("/plans/{key}")
    @Operation(summary = "Save a new version of a plan (or create it): new cases follow it, running cases keep theirs")
    ResponseEntity<Plans.PlanView> save(@PathVariable String key, @RequestBody PlanDefinition definition,
            Principal principal) {
        if (!plans.exists(key)) {
            return ResponseEntity.status(HttpStatus.CREATED).body(plans.create(key, definition, principal.getName()));
        }
        return ResponseEntity.ok(plans.update(key, definition, principal.getName()));
    }

    @DeleteMapping("/plans/{key}")
    @Operation(summary = "Archive a plan: no new case takes it (refused while select-plan.dmn or a customer names it)")
    Plans.PlanView archive(@PathVariable String key) {
        return selection.archive(key);
    }

    @GetMapping("/plans/{key}/versions")
    @Operation(summary = "Every version of a plan, oldest first")
    List<Plans.PlanView> versions(@PathVariable String key) {
        return plans.versions(key);
    }

    @GetMapping("/plans/{key}/summary")
    @Operation(summary = "The plan's whole flow in words and dates for a sample invoice (default: 1000.00, due today, "
            + "a consumer in the plan's country or Norway)")
    PlanSummary.Summary summary(@PathVariable String key, @RequestParam(required = false) Integer version,
            @RequestParam(required = false) LocalDate dueDate, @RequestParam(required = false) BigDecimal amount,
            @RequestParam(required = false) Country country, @RequestParam(required = false) CustomerType debtorType) {
        Plans.PlanView view = version == null ? plans.current(key) : plans.version(key, version);
        if (amount != null && (amount.signum() <= 0 || amount.scale() > 2 || amount.compareTo(BigDecimal.valueOf(1_000_000_000)) > 0)) {
            throw ProblemException.invalid("amount", "a sample amount above 0 with at most two decimals, up to 1000000000");
        }
        Country sampleCountry = country != null ? country
                : view.definition().country() != null ? view.definition().country() : Country.NO;
        PlanSummary.Sample sample = new PlanSummary.Sample(dueDate != null ? dueDate : LocalDate.now(clock),
                (amount != null ? amount : new BigDecimal("1000.00")).setScale(2), sampleCountry,
                debtorType != null ? debtorType : CustomerType.CONSUMER);
        return summary.summarize(new Plans.InUse(view.key(), view.version(), view.definition()), sample);
    }

    // ---- a customer's own plan

    @GetMapping("/customers/{externalId}/plan")
    @Operation(summary = "The customer's own plan, if it has one (else select-plan.dmn decides for its invoices)")
    CustomerPlanView customerPlan(@PathVariable String externalId) {
        Customer customer = ledger.customer(externalId);
        return new CustomerPlanView(customer.externalId(), plans.customerPlan(externalId).orElse(null));
    }

    @PutMapping("/customers/{externalId}/plan")
    @Operation(summary = "Give the customer its own plan, over what select-plan.dmn decides; new cases follow it")
    CustomerPlanView assign(@PathVariable String externalId, @RequestBody CustomerPlanRequest request,
            Principal principal) {
        Customer customer = ledger.customer(externalId);
        if (request.planKey() == null || request.planKey().isBlank()) {
            throw ProblemException.invalid("planKey", "the key of the plan to give the customer");
        }
        plans.assign(customer.externalId(), request.planKey(), principal.getName());
        return customerPlan(externalId);
    }

    @DeleteMapping("/customers/{externalId}/plan")
    @Operation(summary = "Take the customer's own plan away: select-plan.dmn decides again")
    CustomerPlanView unassign(@PathVariable String externalId) {
        ledger.customer(externalId);
        plans.unassign(externalId);
        return customerPlan(externalId);
    }

    // ---- an invoice's plan

    /** The plan an invoice follows (its case's, or the one a new case would take) and why. */
    record InvoicePlanView(String invoiceNumber, String plan, String selectedBy, String notDunned, boolean hasCase) {
    }

    @GetMapping("/invoices/{number}/plan")
    @Operation(summary = "Which plan the invoice follows and why: select-plan.dmn, then the customer's own plan, then the "
            + "invoice's exclusion; and why a run today would not start its case")
    InvoicePlanView invoicePlan(@PathVariable String number) {
        Invoice invoice = ledger.invoice(number);
        Optional<DunningCase> open = cases.latest(number).filter(c -> "OPEN".equals(c.status()));
        if (open.isPresent()) {
            return new InvoicePlanView(number, open.get().planReference(),
                    open.get().planSelectedBy(), null, true);
        }
        Customer customer = ledger.customer(invoice.customerExternalId());
        PlanSelection.Choice choice = selection.choose(invoice, customer, LocalDate.now(clock));
        return new InvoicePlanView(number, choice.plan() == null ? null : choice.plan().compiled().reference(),
                choice.selectedBy(), choice.notDunned(), false);
    }
}

package no.purreflyt.plan;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import no.purreflyt.ledger.Customer;
import no.purreflyt.ledger.Invoice;
import no.purreflyt.web.ProblemException;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which plan an invoice's case follows, in this order: the decision {@code select-plan} (processes/select-plan.dmn,
 * by debtor type, country and amount, which a process designer edits in Modeler), over it the customer's own plan, and
 * over both the invoice's exclusion from dunning. Then whether a run today takes the invoice under that plan: overdue by
 * more than its grace days, above its minimum amount, numbered at or after its "start from".
 */
@Service
public class PlanSelection {

    private static final Logger log = LoggerFactory.getLogger(PlanSelection.class);

    public static final String DECISION = "select-plan";
    static final String OUTPUT = "planKey";

    /**
     * The answer for an invoice.
     *
     * @param plan       the plan's version in use, or null when the invoice is excluded
     * @param selectedBy why this plan ("select-plan.dmn for a CONSUMER in NO, 1000.00", "the customer's own plan")
     * @param notDunned  why a run today would not start a case for it (excluded, within the grace days...), or null
     */
    public record Choice(Plans.InUse plan, String selectedBy, String notDunned) {

        public boolean dunnedToday() {
            return notDunned == null;
        }
    }

    private final Plans plans;
    private final RepositoryService repository;
    /**
     * A DMN engine of its own: it writes no history and needs no engine command around it. Its FEEL expressions are
     * parsed once, not on every evaluation.
     */
    private final DmnEngine dmn = dmnEngine();
    /** The parsed decision per deployed version (a version never changes). */
    private final Map<String, DmnDecision> parsed = new ConcurrentHashMap<>();

    PlanSelection(Plans plans, RepositoryService repository) {
        this.plans = plans;
        this.repository = repository;
    }

    /** The DMN engine the decision is evaluated with: Camunda's default, with FEEL parsed once per expression. */
    static DmnEngine dmnEngine() {
        return ((DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration())
                .feelEngineFactory(ParsedOnceFeelEngine::new).buildEngine();
    }

    /** The plan keys the deployed select-plan.dmn can answer (its output entries). */
    public Set<String> keysNamedByDecision() {
        DecisionDefinition definition = repository.createDecisionDefinitionQuery().decisionDefinitionKey(DECISION)
                .latestVersion().singleResult();
        if (definition == null) {
            return Set.of();
        }
        DmnModelInstance model = repository.getDmnModelInstance(definition.getId());
        return model.getModelElementsByType(OutputEntry.class).stream()
                .map(entry -> entry.getText() == null ? "" : entry.getText().getTextContent().strip())
                .map(text -> text.replaceAll("^\"|\"$", ""))
                .filter(text -> !text.isBlank())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * At start: a plan the deployed decision names that does not exist (or is archived) would fail every invoice the
     * decision sends to it, so it is said at once.
     */
    @EventListener(ApplicationReadyEvent.class)
    void warnAboutPlansTheDecisionNamesAndNobodyMade() {
        for (String key : keysNamedByDecision()) {
            if (plans.inUse(key).isEmpty()) {
                log.warn("select-plan.dmn answers '{}' for some invoices, but there is no such plan in use: the case "
                        + "starter cannot open their cases. Create it (PUT /api/plans/{}) or change the decision.", key, key);
            }
        }
    }

    /** Archives a plan that neither select-plan.dmn nor a customer names. */
    public Plans.PlanView archive(String key) {
        if (keysNamedByDecision().contains(key)) {
            throw ProblemException.conflict("key", "select-plan.dmn answers '" + key + "' for some invoices; change the "
                    + "decision in Modeler and deploy it before archiving the plan");
        }
        return plans.archive(key);
    }

    /** The plan of the invoice and whether a run on {@code today} starts its case. */
    @Transactional(readOnly = true)
    public Choice choose(Invoice invoice, Customer customer, LocalDate today) {
        if (invoice.excluded()) {
            return new Choice(null, "the invoice", "Invoice " + invoice.number() + " is excluded from dunning");
        }
        Optional<String> own = plans.customerPlan(customer.externalId());
        String key;
        String selectedBy;
        if (own.isPresent()) {
            key = own.get();
            selectedBy = "customer " + customer.externalId() + "'s own plan";
        } else {
            key = decide(customer, invoice);
            selectedBy = "select-plan.dmn for a " + customer.type() + " debtor in " + customer.country() + ", "
                    + invoice.outstanding().toPlainString() + " " + invoice.currency();
        }
        String by = selectedBy;
        Plans.InUse plan = plans.inUse(key).orElseThrow(() -> new PlanNotFoundException(
                by + " names the plan '" + key + "', which " + (plans.exists(key) ? "is archived" : "does not exist")
                        + "; create or restore it through /api/plans, or change " + (own.isPresent()
                        ? "the customer's plan" : "select-plan.dmn in Modeler")));
        return new Choice(plan, selectedBy, notDunned(invoice, plan.definition(), today));
    }

    /**
     * Evaluates the latest deployed select-plan with a DMN engine of its own: the engine's DecisionService would write
     * a history entry per evaluation, also for every forecast and every invoice a run looks at and leaves, and cannot
     * run in a read-only transaction. The case keeps why it took its plan instead.
     */
    private String decide(Customer customer, Invoice invoice) {
        DecisionDefinition latest = repository.createDecisionDefinitionQuery().decisionDefinitionKey(DECISION)
                .latestVersion().singleResult();
        if (latest == null) {
            throw new PlanNotFoundException("The decision select-plan is not deployed (processes/select-plan.dmn)");
        }
        DmnDecision decision = parsed.computeIfAbsent(latest.getId(), id -> {
            try (InputStream in = repository.getResourceAsStream(latest.getDeploymentId(), latest.getResourceName())) {
                return dmn.parseDecision(DECISION, in);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + latest.getResourceName(), e);
            }
        });
        DmnDecisionTableResult result = dmn.evaluateDecisionTable(decision, Variables.createVariables()
                .putValue("debtorType", customer.type().name())
                .putValue("country", customer.country().name())
                .putValue("amount", invoice.outstanding()));
        if (result.isEmpty() || result.getFirstResult().getEntry(OUTPUT) == null) {
            throw new PlanNotFoundException("select-plan.dmn has no rule for a " + customer.type() + " debtor in "
                    + customer.country() + " with " + invoice.outstanding().toPlainString() + " " + invoice.currency()
                    + " outstanding; give the decision table a last rule that takes every invoice");
        }
        return result.getFirstResult().getEntry(OUTPUT);
    }

    private static String notDunned(Invoice invoice, PlanDefinition plan, LocalDate today) {
        LocalDate firstDay = invoice.dueDate().plusDays(plan.graceDays() + 1L);
        if (today.isBefore(firstDay)) {
            return "The plan '" + plan.name() + "' duns an invoice when it is overdue by more than " + plan.graceDays()
                    + " days: from " + firstDay;
        }
        if (invoice.outstanding().compareTo(plan.minimumAmount()) <= 0) {
            return "The plan '" + plan.name() + "' duns only above " + plan.minimumAmount().toPlainString() + " "
                    + invoice.currency() + " outstanding; " + invoice.outstanding().toPlainString() + " is not";
        }
        if (!InvoiceNumbers.atOrAfter(invoice.number(), plan.startFromInvoiceNumber())) {
            return "The plan '" + plan.name() + "' starts from invoice number " + plan.startFromInvoiceNumber()
                    + "; earlier invoices were dunned elsewhere";
        }
        return null;
    }

    /** A plan named by the decision or a customer that cannot be used. */
    public static class PlanNotFoundException extends ProblemException {

        PlanNotFoundException(String detail) {
            super(org.springframework.http.HttpStatus.CONFLICT, "No usable plan", detail, java.util.List.of());
        }
    }
}

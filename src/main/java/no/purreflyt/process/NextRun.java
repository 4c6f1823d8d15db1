package no.purreflyt.process;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import no.purreflyt.ledger.Customer;
import no.purreflyt.ledger.DunningCase;
import no.purreflyt.ledger.DunningCases;
import no.purreflyt.ledger.DunningCriteria;
import no.purreflyt.ledger.Invoice;
import no.purreflyt.ledger.LedgerService;
import no.purreflyt.plan.DunningPlan;
import no.purreflyt.plan.PlanSelection;
import no.purreflyt.rules.BusinessCalendar;
import no.purreflyt.rules.ForecastStep;
import no.purreflyt.rules.Forecaster;
import no.purreflyt.rules.StepKind;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The next automatic run before it happens: on which day, and what it will do if nothing changes until then — the
 * cases whose timers fall due by the end of that day and the step each takes, and the cases the case starter will open
 * whose first step is due by then — counted per step with the money they concern. A credit controller reads it to
 * change a plan or block a customer first. Blocked and disputed cases do nothing and are not counted.
 */
@Service
public class NextRun {

    /** How many cases take a step, how many of them wait for a person first, and the money per currency. */
    public record StepTotals(int count, int toReview, Map<String, Money> money) {
    }

    /** @param outstanding the principal outstanding of those invoices; fees what the step's notices charge */
    public record Money(BigDecimal outstanding, BigDecimal fees) {
    }

    /** One case's step in the run; newCase: the case starter opens the case on that day. */
    public record Item(String invoiceNumber, String customerExternalId, String plan, String step, String stepName,
            LocalDate day, boolean review, BigDecimal outstanding, String currency, BigDecimal fee, boolean newCase) {
    }

    /**
     * @param at       when the case starter runs that day; the steps follow their plans' times of day
     * @param items    the first {@link #ITEMS} cases; {@code more} how many are left out
     * @param problems invoices the run cannot start (a plan select-plan.dmn names and nobody created...)
     */
    public record Preview(ZonedDateTime at, LocalDate day, int newCases, Map<StepKind, StepTotals> steps,
            List<Item> items, int more, List<String> problems) {
    }

    static final int ITEMS = 200;

    private final CaseStarterProperties properties;
    private final DunningRunRepository runs;
    private final BusinessCalendar calendar;
    private final NextStepDecider decider;
    private final CaseStarter starter;
    private final DunningCases cases;
    private final LedgerService ledger;
    private final PlanSelection selection;
    private final Forecaster forecaster;
    private final ManagementService management;
    private final RuntimeService runtime;
    private final Clock clock;

    NextRun(CaseStarterProperties properties, DunningRunRepository runs, BusinessCalendar calendar,
            NextStepDecider decider, CaseStarter starter, DunningCases cases, LedgerService ledger,
            PlanSelection selection, Forecaster forecaster, ManagementService management, RuntimeService runtime,
            Clock clock) {
        this.properties = properties;
        this.runs = runs;
        this.calendar = calendar;
        this.decider = decider;
        this.starter = starter;
        this.cases = cases;
        this.ledger = ledger;
        this.selection = selection;
        this.forecaster = forecaster;
        this.management = management;
        this.runtime = runtime;
        this.clock = clock;
    }

    /** The day of the next scheduled run: today if its run has not happened yet, else the next business day. */
    LocalDate nextRunDay() {
        LocalDate today = LocalDate.now(clock);
        LocalDate day = calendar.onOrAfter(properties.calendar(), today);
        if (day.equals(today) && runs.scheduledRunExists(today)) {
            day = calendar.onOrAfter(properties.calendar(), today.plusDays(1));
        }
        return day;
    }

    @Transactional(readOnly = true)
    public Preview preview() {
        LocalDate day = nextRunDay();
        ZonedDateTime at = day.atTime(properties.timeOfDay()).atZone(clock.getZone());
        List<Item> items = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Date endOfDay = Date.from(day.plusDays(1).atStartOfDay(clock.getZone()).toInstant());
        for (String instanceId : management.createJobQuery().timers().processDefinitionKey(DunningModel.PROCESS_ID)
                .duedateLowerThan(endOfDay).list().stream().map(Job::getProcessInstanceId).distinct().toList()) {
            ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceId(instanceId).singleResult();
            if (instance == null) {
                continue;
            }
            cases.latest(instance.getBusinessKey()).filter(c -> "OPEN".equals(c.status()))
                    .flatMap(c -> stepOf(c, day)).ifPresent(items::add);
        }
        int newCases = 0;
        for (String number : cases.candidates(starter.criteria(day))) {
            try {
                Optional<Item> first = firstStep(number, day);
                if (first.isPresent()) {
                    newCases++;
                    if (first.get().day() != null) {
                        items.add(first.get());
                    }
                }
            } catch (PlanSelection.PlanNotFoundException unusable) {
                problems.add(number + ": " + unusable.getMessage());
            }
        }
        Map<StepKind, StepTotals> steps = new EnumMap<>(StepKind.class);
        for (StepKind kind : StepKind.values()) {
            List<Item> ofKind = items.stream().filter(i -> i.step().equals(kind.name())).toList();
            Map<String, Money> money = new TreeMap<>();
            for (Item item : ofKind) {
                Money sum = money.getOrDefault(item.currency(), new Money(BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2)));
                money.put(item.currency(), new Money(sum.outstanding().add(item.outstanding()),
                        sum.fees().add(item.fee() == null ? BigDecimal.ZERO : item.fee())));
            }
            steps.put(kind, new StepTotals(ofKind.size(), (int) ofKind.stream().filter(Item::review).count(), money));
        }
        return new Preview(at, day, newCases, steps, items.stream().limit(ITEMS).toList(),
                Math.max(0, items.size() - ITEMS), problems);
    }

    /** The step a running case takes on the day, if it takes one by then. */
    private Optional<Item> stepOf(DunningCase dunningCase, LocalDate day) {
        if (!(decider.decide(dunningCase.id(), day) instanceof NextStepDecider.Step step) || step.day().isAfter(day)) {
            return Optional.empty();
        }
        Invoice invoice = ledger.invoice(dunningCase.invoiceNumber());
        return Optional.of(new Item(invoice.number(), invoice.customerExternalId(),
                dunningCase.planReference(), step.kind().name(), step.name(), step.day(),
                step.review(), invoice.outstanding(), invoice.currency(), step.fee(), false));
    }

    /**
     * Whether the case starter opens a case for the invoice on the day (empty: it does not), with its first step when
     * that is due by the end of the day (an item without a day otherwise).
     */
    private Optional<Item> firstStep(String number, LocalDate day) {
        Invoice invoice = ledger.invoice(number);
        Customer customer = ledger.customer(invoice.customerExternalId());
        PlanSelection.Choice choice = selection.choose(invoice, customer, day);
        if (!choice.dunnedToday() || customer.blockedOn(day)) {
            return Optional.empty();
        }
        DunningPlan plan = choice.plan().compiled();
        Optional<ForecastStep> first = forecaster.next(customer.country(), customer.type(), invoice.dueDate(),
                plan.plannedSteps(), plan.reminderFeeAgreed(), List.of(), day);
        Item item = first.filter(step -> !step.date().isAfter(day))
                .map(step -> new Item(number, customer.externalId(), plan.reference(), step.step().name(),
                        plan.step(step.planStep()).name(), step.date(), plan.step(step.planStep()).review(),
                        invoice.outstanding(), invoice.currency(), step.fee(), true))
                .orElseGet(() -> new Item(number, customer.externalId(), plan.reference(), null, null, null, false,
                        invoice.outstanding(), invoice.currency(), null, true));
        return Optional.of(item);
    }
}

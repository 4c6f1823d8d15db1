package no.purreflyt.process;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import no.purreflyt.ledger.DunningCase;
import no.purreflyt.ledger.DunningCases;
import no.purreflyt.notice.Notice;
import no.purreflyt.notice.NoticeHistory;
import no.purreflyt.notice.NoticeService;
import no.purreflyt.notice.NoticeStatus;
import no.purreflyt.plan.DunningPlan;
import no.purreflyt.plan.Plans;
import no.purreflyt.plan.StepMapping;
import no.purreflyt.web.ProblemException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves chosen running cases of a plan to its latest version, on purpose (saving a plan never does). Each case moves in
 * its own transaction, all or nothing: its history is fitted to the new version ({@link StepMapping}), it keeps the new
 * snapshot, its process instance moves to the latest dunning model where the model changed (Camunda's migration,
 * activities mapped by id), and it decides its next step again (message PlanChanged). A case with a notice prepared
 * and not yet sent is left where it is, as is one whose history the new version has no room for; the report says why.
 */
@Service
public class PlanMigration {

    private static final Logger log = LoggerFactory.getLogger(PlanMigration.class);

    /**
     * Which running cases to move: these invoices' cases, or every case on these versions, or (neither given) every
     * case of the plan not on its latest version.
     */
    public record Request(List<String> invoiceNumbers, List<Integer> fromVersions) {
    }

    public record Moved(String invoiceNumber, long caseId, int fromVersion, int toVersion, boolean modelMigrated) {
    }

    public record NotMoved(String invoiceNumber, String reason) {
    }

    public record Report(String plan, int toVersion, List<Moved> moved, List<NotMoved> notMoved) {
    }

    private final Plans plans;
    private final DunningCases cases;
    private final NoticeHistory history;
    private final NoticeService notices;
    private final RuntimeService runtime;
    private final RepositoryService repository;
    private final TransactionTemplate transaction;

    PlanMigration(Plans plans, DunningCases cases, NoticeHistory history, NoticeService notices, RuntimeService runtime,
            RepositoryService repository, TransactionTemplate transaction) {
        this.plans = plans;
        this.cases = cases;
        this.history = history;
        this.notices = notices;
        this.runtime = runtime;
        this.repository = repository;
        this.transaction = transaction;
    }

    public Report move(String key, Request request, String by) {
        Plans.InUse target = plans.inUse(key).orElseThrow(() -> ProblemException.notFound("There is no plan '" + key
                + "' in use to move cases to"));
        List<DunningCase> open = cases.openOnPlan(key);
        List<Moved> moved = new ArrayList<>();
        List<NotMoved> notMoved = new ArrayList<>();
        List<DunningCase> chosen = new ArrayList<>();
        if (request.invoiceNumbers() != null && !request.invoiceNumbers().isEmpty()) {
            // a case opened before plans were stored belongs to no plan: it may be moved to any, by its invoice
            List<DunningCase> candidates = new ArrayList<>(open);
            candidates.addAll(cases.openWithoutPlanKey(request.invoiceNumbers()));
            for (String number : request.invoiceNumbers()) {
                Optional<DunningCase> dunningCase = candidates.stream().filter(c -> c.invoiceNumber().equals(number))
                        .findFirst();
                if (dunningCase.isPresent()) {
                    chosen.add(dunningCase.get());
                } else {
                    notMoved.add(new NotMoved(number, "Invoice " + number + " has no open case on the plan '" + key + "'"));
                }
            }
        } else {
            Set<Integer> versions = request.fromVersions() == null ? Set.of() : Set.copyOf(request.fromVersions());
            open.stream().filter(c -> versions.isEmpty() ? c.planVersion() != target.version() : versions.contains(c.planVersion()))
                    .forEach(chosen::add);
        }
        int progressEvery = Math.max(100, chosen.size() / 10);
        for (int done = 0; done < chosen.size(); done++) {
            DunningCase dunningCase = chosen.get(done);
            if (done > 0 && done % progressEvery == 0) {
                log.info("Moving cases of plan {} to v{}: {} of {} done", key, target.version(), done, chosen.size());
            }
            try {
                Object outcome = transaction.execute(status -> moveOne(dunningCase, target, by));
                if (outcome instanceof Moved one) {
                    moved.add(one);
                } else {
                    notMoved.add(new NotMoved(dunningCase.invoiceNumber(), (String) outcome));
                }
            } catch (OptimisticLockingException busy) {
                notMoved.add(new NotMoved(dunningCase.invoiceNumber(), "The case was busy (a step ran meanwhile); "
                        + "nothing was changed, try again"));
            } catch (ProcessEngineException refused) {
                notMoved.add(new NotMoved(dunningCase.invoiceNumber(), "Its process cannot move to the latest model: "
                        + refused.getMessage()));
            } catch (RuntimeException failed) {
                // one case's trouble is reported with it; the cases before it stay moved, the ones after it still move
                log.error("Moving case {} (invoice {}) to {} v{} failed", dunningCase.id(), dunningCase.invoiceNumber(),
                        key, target.version(), failed);
                notMoved.add(new NotMoved(dunningCase.invoiceNumber(), "It could not be moved (" + failed.getClass()
                        .getSimpleName() + "); nothing was changed for it, and the log has the details"));
            }
        }
        log.info("{} moved {} case(s) of plan {} to v{}; {} not moved", by, moved.size(), key, target.version(),
                notMoved.size());
        return new Report(key, target.version(), moved, notMoved);
    }

    /** Moves one case: answers the {@link Moved}, or why it cannot move (a String; nothing is written then). */
    private Object moveOne(DunningCase chosen, Plans.InUse target, String by) {
        Optional<DunningCase> locked = cases.lockOpen(chosen.id());
        if (locked.isEmpty()) {
            return "The case has closed meanwhile";
        }
        DunningCase dunningCase = locked.get();
        if (target.key().equals(dunningCase.planKey()) && dunningCase.planVersion() == target.version()) {
            return "The case follows version " + target.version() + " already";
        }
        // the interest invoice is no step of any version: it stays where it is, at no plan step
        List<Notice> caseNotices = history.of(dunningCase.id()).stream().filter(n -> !n.interestInvoice()).toList();
        Optional<Notice> prepared = caseNotices.stream().filter(n -> n.status() == NoticeStatus.PREPARED).findFirst();
        if (prepared.isPresent()) {
            return "Notice " + prepared.get().id() + " (" + prepared.get().kind().label() + ") is prepared and not sent "
                    + "yet; move the case once it has gone out or been stopped";
        }
        DunningPlan newPlan = target.compiled();
        List<StepMapping.Taken> taken = caseNotices.stream()
                .filter(n -> n.status() == NoticeStatus.DELIVERED || n.status() == NoticeStatus.SKIPPED)
                .map(n -> new StepMapping.Taken(n.id(), n.planStep(), n.step())).toList();
        StringBuilder refusal = new StringBuilder();
        Optional<StepMapping.Result> mapping = StepMapping.map(taken, newPlan.steps(), refusal);
        if (mapping.isEmpty()) {
            return "Version " + target.version() + " has no room for its history: " + refusal;
        }
        int from = dunningCase.planVersion() == null ? 0 : dunningCase.planVersion();
        notices.fitToPlan(dunningCase.id(), mapping.get().steps(), mapping.get().skipped(), newPlan,
                "Not part of the plan when the case passed this point; the case moved from "
                        + dunningCase.planReference() + " to " + newPlan.reference());
        cases.movePlan(dunningCase.id(), new no.purreflyt.ledger.DunningCases.PlanReference(target.key(),
                target.version(), movedNote(dunningCase, by), plans.snapshot(newPlan)));
        boolean modelMigrated = false;
        String instanceId = dunningCase.processInstanceId();
        if (instanceId != null) {
            ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceId(instanceId).singleResult();
            ProcessDefinition latest = repository.createProcessDefinitionQuery()
                    .processDefinitionKey(DunningModel.PROCESS_ID).latestVersion().singleResult();
            if (instance != null && !instance.getProcessDefinitionId().equals(latest.getId())) {
                MigrationPlan migration = runtime.createMigrationPlan(instance.getProcessDefinitionId(), latest.getId())
                        .mapEqualActivities().updateEventTriggers().build();
                runtime.newMigration(migration).processInstanceIds(instanceId).execute();
                modelMigrated = true;
            }
            if (instance != null) {
                runtime.setVariable(instanceId, ProcessVariables.PLAN.name(), newPlan.reference());
                runtime.createMessageCorrelation(DunningModel.MESSAGE_PLAN_CHANGED).processInstanceId(instanceId)
                        .correlateAllWithResult();
            }
        }
        return new Moved(dunningCase.invoiceNumber(), dunningCase.id(), from, target.version(), modelMigrated);
    }

    /** Why the case follows its plan, with its latest move (earlier moves are in the log): at most 300 characters. */
    private static String movedNote(DunningCase dunningCase, String by) {
        String selectedBy = dunningCase.planSelectedBy() == null ? "the configured default plan"
                : dunningCase.planSelectedBy().replaceFirst("; moved from .*$", "");
        String note = selectedBy + "; moved from " + dunningCase.planReference() + " by " + by;
        return note.length() <= 300 ? note : note.substring(0, 300);
    }
}

package no.purreflyt.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import no.purreflyt.ledger.DunningCases;
import no.purreflyt.rules.PlanRules;
import no.purreflyt.web.FieldProblem;
import no.purreflyt.web.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The stored dunning plans and their versions. Saving a plan checks it (its fields, its fee policy, the law through
 * {@link PlanRules}) and stores a new version; nothing changes for running cases, which keep the version they started
 * with ({@link #ofCase}) until they are moved on purpose. Plans are never deleted, only archived: cases and the
 * history refer to them.
 */
@Service
public class Plans implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(Plans.class);
    private static final Pattern KEY = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    /** A version of a plan as the API shows it. */
    public record PlanView(String key, int version, boolean archived, String createdBy, Instant createdAt,
            PlanDefinition definition) {
    }

    private final PlanStore store;
    private final DunningCases cases;
    private final PlanRules rules;
    private final PlanProperties properties;
    private final Validator validator;
    private final ObjectMapper json;
    private final TransactionTemplate transaction;
    private final Clock clock;

    Plans(PlanStore store, DunningCases cases, PlanRules rules, PlanProperties properties, Validator validator,
            ObjectMapper json, TransactionTemplate transaction, Clock clock) {
        this.store = store;
        this.cases = cases;
        this.rules = rules;
        this.properties = properties;
        this.validator = validator;
        this.json = json;
        this.transaction = transaction;
        this.clock = clock;
    }

    // ---- the stored plans

    /** Creates a plan (version 1). */
    @Transactional
    public PlanView create(String key, PlanDefinition definition, String by) {
        checkKey(key);
        if (store.lock(key).isPresent()) {
            throw ProblemException.conflict("key", "A plan '" + key + "' exists already; change it with PUT /api/plans/"
                    + key);
        }
        PlanDefinition checked = checked(definition);
        long id = store.insertPlan(key, clock.instant());
        int version = store.insertVersion(id, write(checked), by, clock.instant());
        log.info("{} created dunning plan {} v{}", by, key, version);
        return view(store.version(key, version).orElseThrow());
    }

    /**
     * Saves a new version of a plan: new cases follow it, running cases keep theirs. Saving what the current version
     * says already stores nothing and answers that version. An archived plan comes back into use.
     */
    @Transactional
    public PlanView update(String key, PlanDefinition definition, String by) {
        long id = store.lock(key).orElseThrow(() -> unknown(key));
        PlanDefinition checked = checked(definition);
        PlanStore.Version current = store.latest(key).orElseThrow();
        store.setArchived(id, false);
        if (read(current.definition()).equals(checked) && !current.archived()) {
            return view(current);
        }
        int version = store.insertVersion(id, write(checked), by, clock.instant());
        log.info("{} saved dunning plan {} v{}; running cases keep their version until moved", by, key, version);
        return view(store.version(key, version).orElseThrow());
    }

    /**
     * Archives a plan: no new case takes it. Refused while customers have it as their own plan; select-plan.dmn is
     * checked by the caller ({@link PlanSelection#archive}).
     */
    @Transactional
    public PlanView archive(String key) {
        long id = store.lock(key).orElseThrow(() -> unknown(key));
        int customers = store.customersOn(key);
        if (customers > 0) {
            throw ProblemException.conflict("key", customers + " customer(s) have the plan '" + key + "' as their own; "
                    + "give them another plan (PUT /api/customers/{externalId}/plan) before archiving it");
        }
        store.setArchived(id, true);
        return view(store.latest(key).orElseThrow());
    }

    @Transactional(readOnly = true)
    public PlanView current(String key) {
        return store.latest(key).map(this::view).orElseThrow(() -> unknown(key));
    }

    @Transactional(readOnly = true)
    public PlanView version(String key, int version) {
        return store.version(key, version).map(this::view).orElseThrow(() -> ProblemException.notFound("The plan '" + key
                + "' has no version " + version));
    }

    @Transactional(readOnly = true)
    public List<PlanView> versions(String key) {
        List<PlanView> versions = store.versions(key).stream().map(this::view).toList();
        if (versions.isEmpty()) {
            throw unknown(key);
        }
        return versions;
    }

    @Transactional(readOnly = true)
    public List<PlanView> all() {
        return store.latestOfAll().stream().map(this::view).toList();
    }

    /** A plan's version in use: what a new case of this key starts with. */
    public record InUse(String key, int version, PlanDefinition definition) {

        public DunningPlan compiled() {
            return definition.compile(key, version);
        }
    }

    /** The version a new case of this key would start with now; empty when there is no such plan or it is archived. */
    @Transactional(readOnly = true)
    public Optional<InUse> inUse(String key) {
        return store.latest(key).filter(v -> !v.archived()).map(v -> new InUse(key, v.version(), read(v.definition())));
    }

    /** Whether a plan of this key exists (archived or not). */
    @Transactional(readOnly = true)
    public boolean exists(String key) {
        return store.latest(key).isPresent();
    }

    /** The loosest criteria over the plans in use: an invoice none of them would take is not worth looking at. */
    @Transactional(readOnly = true)
    public Loosest loosest() {
        List<PlanDefinition> inUse = store.latestOfAll().stream().filter(v -> !v.archived())
                .map(v -> read(v.definition())).toList();
        return new Loosest(inUse.stream().mapToInt(PlanDefinition::graceDays).min().orElse(properties.graceDays()),
                inUse.stream().map(PlanDefinition::minimumAmount).min(Comparator.naturalOrder())
                        .orElse(properties.minimumAmount()));
    }

    public record Loosest(int graceDays, BigDecimal minimumAmount) {
    }

    // ---- a customer's own plan

    @Transactional(readOnly = true)
    public Optional<String> customerPlan(String customerExternalId) {
        return store.customerPlan(customerExternalId);
    }

    @Transactional
    public void assign(String customerExternalId, String key, String by) {
        long id = store.lock(key).orElseThrow(() -> ProblemException.invalid("planKey", "There is no plan '" + key + "'"));
        if (store.latest(key).orElseThrow().archived()) {
            throw ProblemException.invalid("planKey", "The plan '" + key + "' is archived");
        }
        store.assign(customerExternalId, id, by, clock.instant());
        log.info("{} gave customer {} the plan {}", by, customerExternalId, key);
    }

    @Transactional
    public boolean unassign(String customerExternalId) {
        return store.unassign(customerExternalId) > 0;
    }

    // ---- what a case keeps

    /** The plan as a case keeps it (its snapshot column). */
    public String snapshot(DunningPlan plan) {
        try {
            return json.writeValueAsString(plan);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the plan " + plan.name(), e);
        }
    }

    @Transactional(readOnly = true)
    public DunningPlan ofCase(long caseId) {
        String snapshot = cases.planSnapshot(caseId);
        if (snapshot == null) {
            throw new IllegalStateException("Dunning case " + caseId + " keeps no plan");
        }
        try {
            return json.readValue(snapshot, DunningPlan.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Dunning case " + caseId + " has an unreadable plan: " + e.getOriginalMessage(), e);
        }
    }

    // ---- checking

    /** The definition with its defaults written out, or a 422 naming everything wrong with it. */
    public PlanDefinition checked(PlanDefinition definition) {
        List<FieldProblem> problems = new ArrayList<>();
        for (ConstraintViolation<PlanDefinition> violation : validator.validate(definition)) {
            problems.add(FieldProblem.of(violation.getPropertyPath().toString(), violation.getMessage()));
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid("The plan is not valid: " + problems.get(0).field() + " "
                    + problems.get(0).message(), sorted(problems));
        }
        PlanDefinition normalized = definition.normalized(properties.defaults());
        problems.addAll(normalized.problems(rules, LocalDate.now(clock)));
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems.get(0).message(), problems);
        }
        return normalized;
    }

    private static List<FieldProblem> sorted(List<FieldProblem> problems) {
        return problems.stream().sorted(Comparator.comparing(FieldProblem::field)).toList();
    }

    private static void checkKey(String key) {
        if (key == null || key.length() > 64 || !KEY.matcher(key).matches()) {
            throw ProblemException.invalid("key", "A plan key is 1 to 64 lower-case letters and digits, words joined by "
                    + "hyphens (business-strict)");
        }
    }

    private static ProblemException unknown(String key) {
        return ProblemException.notFound("There is no plan '" + key + "'");
    }

    private PlanView view(PlanStore.Version version) {
        return new PlanView(version.key(), version.version(), version.archived(), version.createdBy(),
                version.createdAt(), read(version.definition()));
    }

    private String write(PlanDefinition definition) {
        try {
            return json.writeValueAsString(definition);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the plan " + definition.name(), e);
        }
    }

    private PlanDefinition read(String definition) {
        try {
            return json.readValue(definition, PlanDefinition.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored plan is unreadable: " + e.getOriginalMessage(), e);
        }
    }

    // ---- the plans of the first start

    /** Creates the seed plans that do not exist yet (at start, before any run). */
    @Override
    public void afterSingletonsInstantiated() {
        seed();
    }

    /** Creates each seed plan whose key has no plan yet; a seed plan the law refuses stops the start. */
    public void seed() {
        Resource[] resources;
        try {
            resources = new PathMatchingResourcePatternResolver().getResources(properties.seed());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot list the seed plans " + properties.seed(), e);
        }
        for (Resource resource : resources) {
            String file = Objects.requireNonNull(resource.getFilename());
            String key = file.replaceFirst("\\.json$", "");
            PlanDefinition definition;
            try (InputStream in = resource.getInputStream()) {
                definition = json.readValue(in, PlanDefinition.class);
            } catch (IOException e) {
                throw new IllegalStateException("The seed plan " + file + " is unreadable: " + e.getMessage(), e);
            }
            try {
                transaction.executeWithoutResult(status -> {
                    if (store.lock(key).isPresent()) {
                        return;
                    }
                    try {
                        create(key, definition, "seed " + file);
                    } catch (ProblemException refused) {
                        throw new IllegalStateException("The seed plan " + file + " is refused: " + refused.errors(),
                                refused);
                    }
                });
            } catch (org.springframework.dao.DuplicateKeyException createdByAnotherNode) {
                log.info("Seed plan {} was created by another node starting at the same time", key);
            }
        }
    }
}

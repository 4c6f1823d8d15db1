package no.purreflyt.monitoring;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import no.purreflyt.ledger.Country;
import no.purreflyt.notice.NoticeStatus;
import no.purreflyt.process.ProcessVariables.Stage;
import no.purreflyt.rules.StepKind;
import org.camunda.bpm.engine.runtime.Incident;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The business gauges at /actuator/prometheus: open cases and their principal outstanding by stage, notices by status,
 * e-mail and letter deliveries by state, the engine's open incidents by type.
 *
 * <p>Every gauge reads one shared {@link Snapshot}, taken by four grouped queries at most once per
 * purreflyt.metrics.refresh. Every known stage, status, state and incident type is registered at start with 0, so a
 * dashboard's series never disappears when its count drops to nothing; a value the database holds that we did not
 * foresee (a stage of an older model) gets its own series from the scrape that first sees it.
 */
@Component
class DunningMetrics implements MeterBinder {

    /** The stages an open case can be in (ProcessVariables.Stage and the steps that send a letter). */
    static final List<String> STAGES = List.of(Stage.OVERDUE, StepKind.REMINDER.name(), StepKind.PURRING.name(),
            StepKind.INKASSOVARSEL.name(), Stage.DISPUTED, Stage.BLOCKED, Stage.CONTACT_DATA_MISSING, Stage.HANDED_OVER);
    /** The states each channel's deliveries pass through (notice/Deliveries). */
    static final Map<String, List<String>> DELIVERY_STATES = Map.of(
            "EMAIL", List.of("SENDING", "SENT", "FAILED", "REJECTED"),
            "POST", List.of("QUEUED", "PRINTED"));
    static final List<String> INCIDENT_TYPES = List.of(Incident.FAILED_JOB_HANDLER_TYPE,
            Incident.EXTERNAL_TASK_HANDLER_TYPE);

    /** What one reading of the database found; absent keys count as zero. */
    record Snapshot(Map<List<String>, Long> casesOpen, Map<List<String>, BigDecimal> outstanding,
            Map<String, Long> notices, Map<List<String>, Long> deliveries, Map<String, Long> incidents) {

        long cases(String stage) {
            return casesOpen.entrySet().stream().filter(e -> e.getKey().get(0).equals(stage))
                    .mapToLong(Map.Entry::getValue).sum();
        }
    }

    private final JdbcClient jdbc;
    private final Cached<Snapshot> snapshot;
    /** The series registered so far, so that one found later is registered once. */
    private final Set<String> registered = ConcurrentHashMap.newKeySet();
    private volatile MeterRegistry registry;

    DunningMetrics(JdbcClient jdbc, MonitoringProperties properties) {
        this.jdbc = jdbc;
        this.snapshot = new Cached<>(this::read, properties.refresh(), System::nanoTime);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        this.registry = registry;
        for (String stage : STAGES) {
            registerStage(stage);
            for (Country country : Country.values()) {
                registerAmount(stage, country.currency());
            }
        }
        for (NoticeStatus status : NoticeStatus.values()) {
            registerNotices(status.name());
        }
        DELIVERY_STATES.forEach((channel, states) -> states.forEach(state -> registerDeliveries(channel, state)));
        INCIDENT_TYPES.forEach(this::registerIncidents);
    }

    Snapshot snapshot() {
        return snapshot.get();
    }

    private Snapshot read() {
        Map<List<String>, Long> cases = new HashMap<>();
        Map<List<String>, BigDecimal> outstanding = new HashMap<>();
        // invoice.outstanding is the principal not yet paid or credited; fees and interest are the notices' business
        jdbc.sql("""
                select c.stage, i.currency, count(*) as case_count, sum(i.outstanding) as principal
                from dunning_case c join invoice i on i.id = c.invoice_id
                where c.status = 'OPEN'
                group by c.stage, i.currency""")
                .query(rs -> {
                    List<String> key = List.of(rs.getString("stage"), rs.getString("currency"));
                    cases.put(key, rs.getLong("case_count"));
                    outstanding.put(key, rs.getBigDecimal("principal"));
                });
        Map<String, Long> notices = new HashMap<>();
        jdbc.sql("select status, count(*) as notice_count from notice group by status")
                .query(rs -> {
                    notices.put(rs.getString("status"), rs.getLong("notice_count"));
                });
        Map<List<String>, Long> deliveries = new HashMap<>();
        jdbc.sql("select channel, state, count(*) as delivery_count from notice_delivery group by channel, state")
                .query(rs -> {
                    deliveries.put(List.of(rs.getString("channel"), rs.getString("state")), rs.getLong("delivery_count"));
                });
        // the engine's table rather than its query API: one grouped query, and no authorization check that an
        // authenticated scrape's user could narrow
        Map<String, Long> incidents = new HashMap<>();
        jdbc.sql("select incident_type_, count(*) as incident_count from act_ru_incident group by incident_type_")
                .query(rs -> {
                    incidents.put(rs.getString("incident_type_"), rs.getLong("incident_count"));
                });
        Snapshot read = new Snapshot(Map.copyOf(cases), Map.copyOf(outstanding), Map.copyOf(notices),
                Map.copyOf(deliveries), Map.copyOf(incidents));
        registerUnforeseen(read);
        return read;
    }

    private void registerUnforeseen(Snapshot read) {
        if (registry == null) {
            return;
        }
        Set<String> stages = new LinkedHashSet<>();
        read.casesOpen().keySet().forEach(key -> {
            stages.add(key.get(0));
            registerAmount(key.get(0), key.get(1));
        });
        stages.forEach(this::registerStage);
        read.notices().keySet().forEach(this::registerNotices);
        read.deliveries().keySet().forEach(key -> registerDeliveries(key.get(0), key.get(1)));
        read.incidents().keySet().forEach(this::registerIncidents);
    }

    private void registerStage(String stage) {
        if (registered.add("cases|" + stage)) {
            Gauge.builder("purreflyt.cases.open", this, m -> m.snapshot().cases(stage))
                    .description("Open dunning cases by stage").tags(Tags.of("stage", stage)).register(registry);
        }
    }

    private void registerAmount(String stage, String currency) {
        if (registered.add("amount|" + stage + "|" + currency)) {
            List<String> key = List.of(stage, currency);
            // BigDecimal until here: a gauge is a double
            Gauge.builder("purreflyt.amount.outstanding", this,
                            m -> m.snapshot().outstanding().getOrDefault(key, BigDecimal.ZERO).doubleValue())
                    .description("Principal outstanding of the open dunning cases by stage and currency")
                    .tags(Tags.of("stage", stage, "currency", currency)).register(registry);
        }
    }

    private void registerNotices(String status) {
        if (registered.add("notices|" + status)) {
            Gauge.builder("purreflyt.notices", this, m -> m.snapshot().notices().getOrDefault(status, 0L))
                    .description("Notices by status (PREPARED: waiting for review or delivery)")
                    .tags(Tags.of("status", status)).register(registry);
        }
    }

    private void registerDeliveries(String channel, String state) {
        if (registered.add("deliveries|" + channel + "|" + state)) {
            List<String> key = List.of(channel, state);
            Gauge.builder("purreflyt.notice.deliveries", this, m -> m.snapshot().deliveries().getOrDefault(key, 0L))
                    .description("Deliveries of notices by channel and state (FAILED and REJECTED e-mails wait for a person)")
                    .tags(Tags.of("channel", channel, "state", state)).register(registry);
        }
    }

    private void registerIncidents(String type) {
        if (registered.add("incidents|" + type)) {
            Gauge.builder("purreflyt.incidents", this, m -> m.snapshot().incidents().getOrDefault(type, 0L))
                    .description("Open incidents of the process engine by type").tags(Tags.of("type", type))
                    .register(registry);
        }
    }
}

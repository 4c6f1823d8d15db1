package no.purreflyt.monitoring;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.purreflyt.collection.Agencies;
import no.purreflyt.collection.CollectionProperties;
import no.purreflyt.collection.CollectionProperties.Agency;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The "agencies" component of /actuator/health: per configured collection agency whether our messages reach it. A
 * FILE agency is DOWN when its directory cannot be written or a message waited longer than two export intervals; a
 * WEBHOOK agency when jobs that told it something stand in incidents, or its host takes no TCP connection. DOWN names
 * the agency and why, under the agency's name.
 */
@Component
class AgenciesHealthIndicator implements HealthIndicator {

    private record Waiting(Instant oldest, long messages) {
    }

    private final Agencies agencies;
    private final Duration exportInterval;
    private final Duration connectTimeout;
    private final JdbcClient jdbc;
    private final Clock clock;

    AgenciesHealthIndicator(Agencies agencies, CollectionProperties collection, MonitoringProperties monitoring,
            JdbcClient jdbc, Clock clock) {
        this.agencies = agencies;
        this.exportInterval = collection.exportInterval();
        this.connectTimeout = monitoring.agencyConnectTimeout();
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Health health() {
        // the business clock: the outbox's created_at was taken from it
        Instant now = clock.instant();
        Map<String, Waiting> waiting = waiting();
        List<String> incidents = null;
        boolean down = false;
        Map<String, Object> details = new LinkedHashMap<>();
        for (Agency agency : agencies.all()) {
            List<String> problems = new ArrayList<>();
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("connector", agency.connector().name());
            switch (agency.connector()) {
                case FILE -> {
                    detail.put("directory", agency.directory().toAbsolutePath().toString());
                    AgencyChecks.directoryProblem(agency.directory()).ifPresent(problems::add);
                    Waiting its = waiting.get(agency.name());
                    if (its != null) {
                        detail.put("waitingMessages", its.messages());
                        AgencyChecks.outboxProblem(its.oldest(), its.messages(), now, exportInterval).ifPresent(problems::add);
                    }
                }
                case WEBHOOK -> {
                    detail.put("url", agency.url().toString());
                    if (incidents == null) {
                        incidents = agencyIncidents();
                    }
                    AgencyChecks.incidentProblem(agency.name(), incidents).ifPresent(problems::add);
                    if (!connectTimeout.isZero()) {
                        AgencyChecks.connectProblem(agency.url(), connectTimeout).ifPresent(problems::add);
                    }
                }
            }
            detail.put("status", problems.isEmpty() ? "UP" : "DOWN");
            if (!problems.isEmpty()) {
                down = true;
                detail.put("problems", problems.stream().map(p -> "Agency " + agency.name() + ": " + p).toList());
            }
            details.put(agency.name(), detail);
        }
        return (down ? Health.down() : Health.up()).withDetails(details).build();
    }

    /** Per FILE agency: the messages not yet in a written batch file, and the oldest of them. */
    private Map<String, Waiting> waiting() {
        Map<String, Waiting> waiting = new HashMap<>();
        jdbc.sql("""
                select m.agency, min(m.created_at) as oldest, count(*) as message_count
                from agency_export_message m left join agency_export_batch b on b.id = m.batch_id
                where m.batch_id is null or b.status = 'WRITING'
                group by m.agency""")
                .query(rs -> {
                    waiting.put(rs.getString("agency"), new Waiting(
                            rs.getObject("oldest", OffsetDateTime.class).toInstant(), rs.getLong("message_count")));
                });
        return waiting;
    }

    /** The messages of the engine's open incidents that a connector wrote (they start "Agency <name> "). */
    private List<String> agencyIncidents() {
        return jdbc.sql("select incident_msg_ from act_ru_incident where incident_msg_ like 'Agency %'")
                .query(String.class).list();
    }
}

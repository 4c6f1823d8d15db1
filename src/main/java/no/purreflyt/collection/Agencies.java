package no.purreflyt.collection;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.purreflyt.collection.CollectionProperties.Agency;
import no.purreflyt.web.SecurityProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The configured collection agencies (purreflyt.collection.agencies) and the connector that reaches each. */
@Service
public class Agencies {

    private final Map<String, Agency> agencies = new LinkedHashMap<>();
    private final Map<String, AgencyConnector> connectors = new LinkedHashMap<>();

    /** The secret of the demo agency in application.yaml: anyone who has read this repository knows it. */
    static final String DEMO_SECRET = "demo-agency-secret";

    Agencies(CollectionProperties properties, SecurityProperties security, JdbcClient jdbc, ObjectMapper json,
            Clock clock) {
        if (security.refuseDefaultPasswords()) {
            for (int i = 0; i < properties.agencies().size(); i++) {
                if (DEMO_SECRET.equals(properties.agencies().get(i).secret())) {
                    throw new IllegalStateException("purreflyt.collection.agencies[" + i + "].secret ("
                            + properties.agencies().get(i).name() + ") is the demo secret, which anyone can use to sign "
                            + "callbacks: agree a secret with the agency and set it (PURREFLYT_COLLECTION_DEMO_SECRET for "
                            + "the shipped agency)");
                }
            }
        }
        // one HTTP client for every webhook agency, so connections are kept alive and reused
        HttpClient http = WebhookConnector.httpClient(properties.webhookTimeout());
        for (Agency agency : properties.agencies()) {
            agencies.put(agency.name(), agency);
            connectors.put(agency.name(), switch (agency.connector()) {
                case FILE -> new FileExportConnector(agency, jdbc, json, clock);
                case WEBHOOK -> new WebhookConnector(agency, properties.webhookTimeout(), http, json, clock);
            });
        }
    }

    /** The agency of that name, as a plan names it. */
    public Optional<Agency> find(String name) {
        return Optional.ofNullable(name).map(agencies::get);
    }

    /** The agency of that name; an unknown name is a configuration mistake the operator must correct. */
    public Agency byName(String name) {
        return find(name).orElseThrow(() -> new IllegalStateException("No collection agency named '" + name
                + "' is configured: add it to purreflyt.collection.agencies (configured: "
                + (agencies.isEmpty() ? "none" : String.join(", ", agencies.keySet())) + ")"));
    }

    public List<Agency> all() {
        return List.copyOf(agencies.values());
    }

    /** How to send a message to the agency of that name. */
    public AgencyConnector connectorFor(String agencyName) {
        return connectors.get(byName(agencyName).name());
    }
}

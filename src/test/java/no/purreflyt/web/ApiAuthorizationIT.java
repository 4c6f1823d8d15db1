package no.purreflyt.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import no.purreflyt.support.IntegrationTest;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint of our API against every kind of user: who is refused (401 without a login, 403 with the wrong
 * group) and who gets through to the endpoint itself (whatever it then answers to an empty request). The table is
 * the documentation of who may do what (README, "Who may do what"); an endpoint missing from it fails
 * {@link #everyEndpointIsInTheTable()}, so a new endpoint's access is decided on purpose.
 */
class ApiAuthorizationIT extends IntegrationTest {

    private static final String ANONYMOUS = "anonymous";

    private static final Set<String> EVERYONE = Set.of(CONTROLLER, MANAGER, DESIGNER, ACCOUNTING, ADMIN);
    /** Every group of people; not the accounting system's machine user. */
    private static final Set<String> PEOPLE = Set.of(CONTROLLER, MANAGER, DESIGNER, ADMIN);
    private static final Set<String> ADMIN_ONLY = Set.of(ADMIN);
    private static final Set<String> DESIGNERS = Set.of(DESIGNER, ADMIN);
    private static final Set<String> MANAGERS = Set.of(MANAGER, ADMIN);
    private static final Set<String> WORDING = Set.of(MANAGER, DESIGNER, ADMIN);
    private static final Set<String> CASE_WORK = Set.of(CONTROLLER, MANAGER, ADMIN);
    private static final Set<String> LEDGER = Set.of(ACCOUNTING, CONTROLLER, ADMIN);
    private static final Set<String> BOOKS = Set.of(ACCOUNTING, MANAGER, ADMIN);

    /** method, path pattern as mapped, the path called, who may call it. */
    record Endpoint(HttpMethod method, String pattern, String path, Set<String> allowed, MediaType type) {

        String key() {
            return method + " " + pattern;
        }
    }

    private static final List<Endpoint> ENDPOINTS = new ArrayList<>();

    private static void add(HttpMethod method, String pattern, Set<String> allowed) {
        add(method, pattern, allowed, MediaType.APPLICATION_JSON);
    }

    private static void add(HttpMethod method, String pattern, Set<String> allowed, MediaType type) {
        String path = pattern.replace("{number}", "NO-SUCH-INVOICE").replace("{externalId}", "NO-SUCH-CUSTOMER")
                .replace("{key}", "no-such-plan").replace("{id}", "987654321").replace("{kind}", "REMINDER")
                .replace("{language}", "nb").replace("{index}", "0").replace("{n}", "0");
        ENDPOINTS.add(new Endpoint(method, pattern, path, allowed, type));
    }

    static {
        HttpMethod get = HttpMethod.GET;
        HttpMethod post = HttpMethod.POST;
        HttpMethod put = HttpMethod.PUT;
        HttpMethod patch = HttpMethod.PATCH;
        HttpMethod delete = HttpMethod.DELETE;
        // the ledger
        add(post, "/api/customers", LEDGER);
        add(get, "/api/customers/{externalId}", EVERYONE);
        add(patch, "/api/customers/{externalId}", LEDGER);
        add(post, "/api/invoices", LEDGER);
        add(post, "/api/invoices/import", LEDGER, MediaType.parseMediaType("text/csv"));
        add(get, "/api/invoices/{number}", EVERYONE);
        add(patch, "/api/invoices/{number}", LEDGER);
        add(put, "/api/invoices/{number}/document", LEDGER, MediaType.APPLICATION_PDF);
        add(get, "/api/invoices/{number}/document", EVERYONE);
        add(post, "/api/invoices/{number}/payments", LEDGER);
        add(post, "/api/invoices/{number}/credit-notes", LEDGER);
        add(post, "/api/invoices/{number}/disputes", LEDGER);
        // what a case owes and will do
        add(get, "/api/invoices/{number}/claim", EVERYONE);
        add(get, "/api/invoices/{number}/forecast", PEOPLE);
        add(get, "/api/invoices/{number}/case", EVERYONE);
        add(get, "/api/invoices/{number}/plan", PEOPLE);
        add(get, "/api/rules", PEOPLE);
        // work on cases
        add(post, "/api/dunning-runs", CASE_WORK);
        add(get, "/api/dunning-runs/next", PEOPLE);
        add(post, "/api/notices/{id}/delivery-outcome", CASE_WORK);
        add(get, "/api/notices/{id}", PEOPLE);
        add(get, "/api/notices/{id}/html", PEOPLE);
        add(get, "/api/notices/{id}/pdf", PEOPLE);
        add(get, "/api/letters", PEOPLE);
        // collection
        add(get, "/api/invoices/{number}/handover", PEOPLE);
        add(post, "/api/invoices/{number}/withdraw", CASE_WORK);
        add(get, "/api/agency-exports", MANAGERS);
        add(post, "/api/agency-exports", ADMIN_ONLY);
        add(get, "/api/postings", BOOKS);
        add(get, "/api/overview", MANAGERS);
        // the rules data: plans and templates
        add(get, "/api/plans", PEOPLE);
        add(post, "/api/plans", DESIGNERS);
        add(get, "/api/plans/{key}", PEOPLE);
        add(put, "/api/plans/{key}", DESIGNERS);
        add(delete, "/api/plans/{key}", DESIGNERS);
        add(get, "/api/plans/{key}/versions", PEOPLE);
        add(get, "/api/plans/{key}/summary", PEOPLE);
        add(post, "/api/plans/{key}/migrations", DESIGNERS);
        add(get, "/api/customers/{externalId}/plan", PEOPLE);
        add(put, "/api/customers/{externalId}/plan", CASE_WORK);
        add(delete, "/api/customers/{externalId}/plan", CASE_WORK);
        add(get, "/api/templates", PEOPLE);
        add(get, "/api/templates/{kind}/{language}", PEOPLE);
        add(put, "/api/templates/{kind}/{language}", WORDING);
        add(delete, "/api/templates/{kind}/{language}", WORDING);
        // policy and operation
        add(get, "/api/settings/delivery", PEOPLE);
        add(put, "/api/settings/delivery", MANAGERS);
        add(get, "/api/admin/clock", ADMIN_ONLY);
        add(post, "/api/admin/clock", ADMIN_ONLY);
        add(get, "/mail-sink", PEOPLE);
        add(get, "/mail-sink/{index}", PEOPLE);
        add(get, "/mail-sink/{index}/attachments/{n}", PEOPLE);
    }

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyEndpointIsInTheTable() {
        Set<String> mapped = new TreeSet<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
            if (!entry.getValue().getBeanType().getPackageName().startsWith("no.purreflyt")) {
                continue;
            }
            for (String pattern : entry.getKey().getPatternValues()) {
                if (pattern.startsWith("/overview")) {
                    continue; // the manager's page has a login form of its own; OverviewPageIT tests who gets in
                }
                entry.getKey().getMethodsCondition().getMethods()
                        .forEach(method -> mapped.add(method.name() + " " + pattern));
            }
        }
        Set<String> inTable = new TreeSet<>(ENDPOINTS.stream().map(Endpoint::key).toList());
        // the agency's callback is anonymous (signed); SecurityIT tests it
        inTable.add("POST /api/agency-callbacks");

        // (the table also holds endpoints of beans this context does not have, such as the mail sink's)
        assertThat(inTable).as("endpoints of our controllers in the table").containsAll(mapped);
        assertThat(mapped).as("the table is read against the real mappings").hasSizeGreaterThan(40);
    }

    @TestFactory
    Stream<DynamicTest> eachEndpointLetsInExactlyItsGroups() {
        return ENDPOINTS.stream().map(endpoint -> DynamicTest.dynamicTest(endpoint.key(), () -> {
            SoftAssertions softly = new SoftAssertions();
            for (String user : users()) {
                int status = call(user, endpoint);
                String who = endpoint.key() + " as " + user;
                if (user.equals(ANONYMOUS)) {
                    softly.assertThat(status).as(who).isEqualTo(401);
                } else if (endpoint.allowed().contains(user)) {
                    softly.assertThat(status).as(who).isNotIn(401, 403).isLessThan(500);
                } else {
                    softly.assertThat(status).as(who).isEqualTo(403);
                }
            }
            softly.assertAll();
        }));
    }

    @Test
    void aRefusalSaysSoAsAProblem() {
        var refused = send(DESIGNER, HttpMethod.POST, "/api/customers", MediaType.APPLICATION_JSON,
                Map.of("externalId", "C-1", "name", "X", "type", "CONSUMER", "country", "NO"));

        assertThat(refused.getStatusCode().value()).isEqualTo(403);
        assertThat(refused.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(refused.getBody().path("detail").asText()).isEqualTo("Your groups do not allow this");
        assertThat(jdbc.sql("select count(*) from customer").query(Long.class).single()).isZero();
    }

    private static List<String> users() {
        return List.of(ANONYMOUS, CONTROLLER, MANAGER, DESIGNER, ACCOUNTING, ADMIN);
    }

    private int call(String user, Endpoint endpoint) {
        HttpHeaders headers = new HttpHeaders();
        Object body = null;
        if (endpoint.method() != HttpMethod.GET && endpoint.method() != HttpMethod.DELETE) {
            headers.setContentType(endpoint.type());
            body = endpoint.type().equals(MediaType.APPLICATION_JSON) ? "{}" : "";
        }
        var client = user.equals(ANONYMOUS) ? http : as(user);
        return client.exchange(endpoint.path(), endpoint.method(), new HttpEntity<>(body, headers), byte[].class)
                .getStatusCode().value();
    }
}

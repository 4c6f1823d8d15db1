package no.purreflyt.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import no.purreflyt.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Plans through the API as a creditor shapes them: the quick-setup plans ready at start, a custom plan, new versions,
 * refusals that name the step and the rule and write nothing, which plan an invoice follows (select-plan.dmn, then the
 * customer's own plan, then the invoice's exclusion), and the plan's own criteria for starting a case.
 */
class PlanApiIT extends IntegrationTest {

    /** A mild plan: one free reminder and one purring without a fee, reviewed, no handover. */
    static Map<String, Object> mild() {
        return Map.of("name", "Mild", "feePolicy", "MILD",
                "reminders", Map.of("count", 1, "daysAfterDue", 5, "deadlineDays", 10),
                "purringer", List.of(Map.of("daysAfterDue", 20, "deadlineDays", 14, "mode", "CREATE_ONLY")));
    }

    private ResponseEntity<JsonNode> put(String path, Object body) {
        return send(ADMIN, HttpMethod.PUT, path, MediaType.APPLICATION_JSON, body);
    }

    private ResponseEntity<JsonNode> delete(String path) {
        return send(ADMIN, HttpMethod.DELETE, path, MediaType.APPLICATION_JSON, null);
    }

    @Test
    void theQuickSetupPlansAreReadyAndACustomPlanIsCreatedWithItsDefaultsWrittenOut() {
        assertThat(get("/api/plans").getBody()).extracting(p -> p.path("key").asText() + " v" + p.path("version").asInt())
                .containsExactly("business v1", "standard v1");

        ResponseEntity<JsonNode> created = post("/api/plans", Map.of("key", "mild", "definition", mild()));

        assertCreated(created);
        JsonNode plan = created.getBody();
        assertThat(plan.path("version").asInt()).isEqualTo(1);
        assertThat(plan.path("createdBy").asText()).isEqualTo(ADMIN);
        JsonNode definition = plan.path("definition");
        // MILD: no fee on the purring, no interest, no compensation; grace, minimum and time from the defaults
        assertThat(definition.path("purringer").get(0).path("fee").asBoolean()).isFalse();
        assertThat(definition.path("purringer").get(0).path("mode").asText()).isEqualTo("CREATE_ONLY");
        assertThat(definition.path("reminders").path("mode").asText()).isEqualTo("CREATE_AND_SEND");
        assertThat(definition.path("reminders").path("feeFree").asBoolean()).isTrue();
        assertThat(definition.path("interest").asBoolean()).isFalse();
        assertThat(definition.path("compensation").asBoolean()).isFalse();
        assertThat(definition.path("graceDays").asInt()).isEqualTo(3);
        assertThat(definition.path("minimumAmount").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(definition.path("timeOfDay").asText()).isEqualTo("11:00:00");
    }

    @Test
    void savingMakesANewVersionAndSavingTheSameAgainDoesNot() {
        assertCreated(put("/api/plans/mild", mild()));
        Map<String, Object> longer = new java.util.HashMap<>(mild());
        longer.put("graceDays", 10);

        assertThat(put("/api/plans/mild", mild()).getBody().path("version").asInt()).isEqualTo(1);
        ResponseEntity<JsonNode> saved = put("/api/plans/mild", longer);

        assertThat(saved.getStatusCode().value()).isEqualTo(200);
        assertThat(saved.getBody().path("version").asInt()).isEqualTo(2);
        assertThat(get("/api/plans/mild/versions").getBody()).extracting(v -> v.path("definition").path("graceDays").asInt())
                .containsExactly(3, 10);
        assertThat(get("/api/plans/mild?version=1").getBody().path("definition").path("graceDays").asInt()).isEqualTo(3);
    }

    @Test
    void aPlanThatBreaksTheLawIsRefusedNamingTheStepAndTheRuleAndNothingIsStored() {
        Map<String, Object> early = Map.of("name", "Early", "feePolicy", "STRICT", "country", "NO",
                "purringer", List.of(Map.of("daysAfterDue", 10, "deadlineDays", 14),
                        Map.of("daysAfterDue", 30, "deadlineDays", 14)),
                "inkassovarsel", Map.of("daysAfterDue", 45, "deadlineDays", 10, "fee", true));

        ResponseEntity<JsonNode> refused = post("/api/plans", Map.of("key", "early", "definition", early));

        assertThat(refused.getStatusCode().value()).isEqualTo(422);
        assertThat(refused.getBody().path("errors")).extracting(e -> e.path("field").asText() + ": " + e.path("message").asText())
                .containsExactly(
                        "purringer[0]: Purring 1 charges a fee on day 10 after the due date; inkassoforskriften § 1-2 "
                                + "allows a fee from day 14 at the earliest. Plan it for day 14 or later, or send it without a fee.",
                        "inkassovarsel: Inkassovarsel gives a deadline of 10 days; inkassoloven § 9 requires at least 14 "
                                + "days from sending.",
                        "inkassovarsel: Inkassovarsel would be the third fee on the claim (after Purring 1 and Purring 2); "
                                + "inkassoforskriften § 1-3 allows two fees before a betalingsoppfordring (two purringer, or "
                                + "one purring and one inkassovarsel). Send it without a fee.");
        assertThat(get("/api/plans/early").getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void contradictionsAndMalformedPlansAreRefusedClearly() {
        Map<String, Object> mildWithFee = Map.of("name", "Odd", "feePolicy", "MILD",
                "purringer", List.of(Map.of("daysAfterDue", 14, "deadlineDays", 14, "fee", true)),
                "reminders", Map.of("count", 1, "daysAfterDue", 5, "deadlineDays", 5, "feeFree", false));
        assertThat(post("/api/plans", Map.of("key", "odd", "definition", mildWithFee)).getBody().path("errors"))
                .extracting(e -> e.path("field").asText())
                .containsExactly("reminders.feeFree", "purringer[0].fee");

        Map<String, Object> threePurringer = Map.of("name", "Three", "feePolicy", "STRICT", "purringer", List.of(
                Map.of("daysAfterDue", 14, "deadlineDays", 14), Map.of("daysAfterDue", 14, "deadlineDays", 14),
                Map.of("daysAfterDue", 14, "deadlineDays", 14)));
        ResponseEntity<JsonNode> three = post("/api/plans", Map.of("key", "three", "definition", threePurringer));
        assertThat(three.getStatusCode().value()).isEqualTo(422);
        assertThat(three.getBody().path("errors").get(0).path("message").asText()).isEqualTo("a plan has at most two purringer");

        assertThat(post("/api/plans", Map.of("key", "Bad Key!", "definition", mild())).getStatusCode().value()).isEqualTo(422);
        assertThat(post("/api/plans", Map.of("key", "standard", "definition", mild())).getStatusCode().value()).isEqualTo(409);
        assertThat(send(ADMIN, HttpMethod.PUT, "/api/plans/mild", MediaType.APPLICATION_JSON,
                "{\"name\": \"x\", \"feePolicy\": \"MILD\", \"colour\": \"red\"}").getStatusCode().value()).isEqualTo(400);
        assertThat(send(ADMIN, HttpMethod.PUT, "/api/plans/mild", MediaType.APPLICATION_JSON,
                "{\"name\": \"x\", \"feePolicy\": \"HARSH\"}").getStatusCode().value()).isEqualTo(400);
        assertThat(get("/api/plans").getBody()).hasSize(2);
    }

    @Test
    void thePlanComesFromTheDecisionThenTheCustomersOwnPlanThenTheInvoicesExclusion() {
        assertCreated(put("/api/plans/mild", mild()));
        customer("C-1", "CONSUMER", "NO");
        customer("B-1", "BUSINESS", "NO");
        invoice("INV-C", "C-1", TODAY.minusDays(10), "1000.00", "NOK");
        invoice("INV-B", "B-1", TODAY.minusDays(10), "1000.00", "NOK");

        // select-plan.dmn: businesses get "business", everyone else "standard"
        assertThat(get("/api/invoices/INV-C/plan").getBody().path("plan").asText()).isEqualTo("standard v1");
        assertThat(get("/api/invoices/INV-B/plan").getBody().path("plan").asText()).isEqualTo("business v1");
        assertThat(get("/api/invoices/INV-B/plan").getBody().path("selectedBy").asText())
                .isEqualTo("select-plan.dmn for a BUSINESS debtor in NO, 1000.00 NOK");

        // the customer's own plan comes over the decision
        assertThat(put("/api/customers/B-1/plan", Map.of("planKey", "mild")).getBody().path("planKey").asText()).isEqualTo("mild");
        JsonNode own = get("/api/invoices/INV-B/plan").getBody();
        assertThat(own.path("plan").asText()).isEqualTo("mild v1");
        assertThat(own.path("selectedBy").asText()).isEqualTo("customer B-1's own plan");

        // the invoice's exclusion comes over both
        assertThat(send(ADMIN, HttpMethod.PATCH, "/api/invoices/INV-B", MediaType.APPLICATION_JSON,
                Map.of("excluded", true)).getStatusCode().value()).isEqualTo(200);
        JsonNode excluded = get("/api/invoices/INV-B/plan").getBody();
        assertThat(excluded.path("plan").isMissingNode() || excluded.path("plan").isNull()).isTrue();
        assertThat(excluded.path("notDunned").asText()).isEqualTo("Invoice INV-B is excluded from dunning");

        JsonNode run = post("/api/dunning-runs", null).getBody();
        assertThat(run.path("started").asInt()).isEqualTo(1);
        JsonNode started = get("/api/invoices/INV-C/case").getBody();
        assertThat(started.path("planKey").asText()).isEqualTo("standard");
        assertThat(started.path("planVersion").asInt()).isEqualTo(1);
        assertThat(get("/api/invoices/INV-B/case").getStatusCode().value()).isEqualTo(404);

        // without its own plan the customer is the decision's again; an excluded invoice with an open case is refused
        assertThat(delete("/api/customers/B-1/plan").getBody().path("planKey").isMissingNode()).isTrue();
        ResponseEntity<JsonNode> busy = send(ADMIN, HttpMethod.PATCH, "/api/invoices/INV-C", MediaType.APPLICATION_JSON,
                Map.of("excluded", true));
        assertThat(busy.getStatusCode().value()).isEqualTo(409);
        assertThat(busy.getBody().path("detail").asText()).startsWith("Invoice INV-C has an open dunning case");
    }

    @Test
    void aCaseKeepsItsVersionAndNewCasesTakeTheNewOne() {
        assertCreated(put("/api/plans/mild", mild()));
        customer("C-1", "CONSUMER", "NO");
        put("/api/customers/C-1/plan", Map.of("planKey", "mild"));
        invoice("INV-1", "C-1", TODAY.minusDays(10), "1000.00", "NOK");
        post("/api/dunning-runs", null);
        Map<String, Object> v2 = new java.util.HashMap<>(mild());
        v2.put("name", "Mild, later");
        put("/api/plans/mild", v2);
        invoice("INV-2", "C-1", TODAY.minusDays(10), "1000.00", "NOK");

        post("/api/dunning-runs", null);

        assertThat(get("/api/invoices/INV-1/case").getBody().path("planVersion").asInt()).isEqualTo(1);
        assertThat(get("/api/invoices/INV-2/case").getBody().path("planVersion").asInt()).isEqualTo(2);
        assertThat(get("/api/invoices/INV-1/forecast").getBody().path("plan").asText()).isEqualTo("mild v1");
    }

    @Test
    void aPlansGraceDaysMinimumAndStartFromDecideWhetherARunTakesAnInvoice() {
        Map<String, Object> picky = new java.util.HashMap<>(mild());
        picky.put("graceDays", 14);
        picky.put("minimumAmount", "500.00");
        picky.put("startFromInvoiceNumber", "1000");
        assertCreated(put("/api/plans/picky", picky));
        customer("C-1", "CONSUMER", "NO");
        put("/api/customers/C-1/plan", Map.of("planKey", "picky"));
        invoice("999", "C-1", TODAY.minusDays(20), "1000.00", "NOK");
        invoice("1000", "C-1", TODAY.minusDays(20), "1000.00", "NOK");
        invoice("1001", "C-1", TODAY.minusDays(20), "500.00", "NOK");
        invoice("1002", "C-1", TODAY.minusDays(14), "1000.00", "NOK");

        JsonNode run = post("/api/dunning-runs", null).getBody();

        assertThat(run.path("started").asInt()).isEqualTo(1);
        assertThat(get("/api/invoices/1000/case").getStatusCode().value()).isEqualTo(200);
        assertThat(get("/api/invoices/999/plan").getBody().path("notDunned").asText())
                .isEqualTo("The plan 'Mild' starts from invoice number 1000; earlier invoices were dunned elsewhere");
        assertThat(get("/api/invoices/1001/plan").getBody().path("notDunned").asText())
                .isEqualTo("The plan 'Mild' duns only above 500.00 NOK outstanding; 500.00 is not");
        // due 14 days ago is overdue by 14 days, not by more: from tomorrow
        assertThat(get("/api/invoices/1002/plan").getBody().path("notDunned").asText())
                .isEqualTo("The plan 'Mild' duns an invoice when it is overdue by more than 14 days: from " + TODAY.plusDays(1));
    }

    @Test
    void aPlanIsArchivedOnlyWhenNeitherTheDecisionNorACustomerNamesIt() {
        assertCreated(put("/api/plans/mild", mild()));
        customer("C-1", "CONSUMER", "NO");
        put("/api/customers/C-1/plan", Map.of("planKey", "mild"));

        assertThat(delete("/api/plans/standard").getStatusCode().value()).isEqualTo(409);
        assertThat(delete("/api/plans/mild").getStatusCode().value()).isEqualTo(409);
        delete("/api/customers/C-1/plan");
        ResponseEntity<JsonNode> archived = delete("/api/plans/mild");

        assertThat(archived.getStatusCode().value()).isEqualTo(200);
        assertThat(archived.getBody().path("archived").asBoolean()).isTrue();
        assertThat(put("/api/customers/C-1/plan", Map.of("planKey", "mild")).getStatusCode().value()).isEqualTo(422);
    }

    @Test
    void theSummaryTellsTheFlowForASampleInvoice() {
        ResponseEntity<JsonNode> summary = get("/api/plans/standard/summary?dueDate=2026-03-02&amount=1000.00");

        assertThat(summary.getStatusCode().value()).isEqualTo(200);
        // the test plan: purring 1 and the inkassovarsel are reviewed; the inkassovarsel is the third fee, dropped
        assertThat(summary.getBody().path("lines")).extracting(JsonNode::asText).contains(
                "2026-03-17: Purring 1 with a fee of 38.00 NOK, deadline 2026-03-31; prepared for a credit controller's "
                        + "review before it is sent.",
                "2026-04-01: Purring 2 with a fee of 38.00 NOK, deadline 2026-04-15; sent automatically at 11:00.");
        assertThat(get("/api/plans/standard/summary?amount=-5").getStatusCode().value()).isEqualTo(422);
        assertThat(get("/api/plans/nothing/summary").getStatusCode().value()).isEqualTo(404);
    }
}

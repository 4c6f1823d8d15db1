package no.purreflyt.web;

import static no.purreflyt.web.HostileCatalogue.CONTROL;
import static no.purreflyt.web.HostileCatalogue.SCRIPT;
import static no.purreflyt.web.HostileCatalogue.SQL;
import static no.purreflyt.web.HostileCatalogue.quote;

import java.util.ArrayList;
import java.util.List;

/**
 * Hostile submissions of each Camunda Form (forms/*.form) as the body of {@code POST /engine-rest/task/{id}/submit-form}:
 * required fields missing, values none of the choices, wrongly typed values (numbers, booleans, JSON, a Java object),
 * impossible and past dates, overlong text, keys the form does not have (among them the variables that route the
 * case), and bodies the engine REST API cannot read.
 */
final class HostileForms {

    record Submission(String name, String body) {
    }

    private HostileForms() {
    }

    static String string(String name, String value) {
        return quote(name) + ": {\"value\": " + quote(value) + ", \"type\": \"String\"}";
    }

    static String typed(String name, String value, String type) {
        return quote(name) + ": {\"value\": " + value + ", \"type\": \"" + type + "\"}";
    }

    static Submission of(String name, String... variables) {
        return new Submission(name, "{\"variables\": {" + String.join(", ", variables) + "}}");
    }

    /** What every form gets, for its choice field. */
    static List<Submission> common(String choice, String validChoice) {
        List<Submission> all = new ArrayList<>(List.of(
                of("nothing submitted"),
                of(choice + " empty", string(choice, "")),
                of(choice + " null", typed(choice, "null", "Null")),
                of(choice + " none of the choices", string(choice, "MAYBE")),
                of(choice + " an integer", typed(choice, "7", "Integer")),
                of(choice + " a boolean", typed(choice, "true", "Boolean")),
                of(choice + " JSON", typed(choice, quote("{\"decision\": \"" + validChoice + "\"}"), "Json")),
                of(choice + " SQL", string(choice, SQL)),
                of(choice + " script", string(choice, SCRIPT)),
                of(choice + " control characters", string(choice, CONTROL)),
                of(choice + " of 100000 characters", string(choice, "X".repeat(100_000))),
                of(choice + " of an unknown type", typed(choice, quote(validChoice), "Banana")),
                of(choice + " a serialized Java object", quote(choice) + ": {\"value\": \"rO0ABXQABFNFTkQ=\", \"type\": "
                        + "\"Object\", \"valueInfo\": {\"objectTypeName\": \"java.lang.String\", \"serializationDataFormat\": "
                        + "\"application/x-java-serialized-object\"}}"),
                of("an unknown key beside a valid " + choice, string(choice, validChoice), string("isAdmin", "true")),
                of("the case's caseId overwritten", string(choice, validChoice), typed("caseId", "1", "Long")),
                of("the invoice number overwritten", string(choice, validChoice), string("invoiceNumber", "INV-1")),
                new Submission("malformed JSON", "{\"variables\": {" + string(choice, validChoice)),
                new Submission("variables an array", "{\"variables\": [" + quote(validChoice) + "]}"),
                new Submission("a variable not an object", "{\"variables\": {" + quote(choice) + ": " + quote(validChoice) + "}}")));
        return all;
    }

    static List<Submission> review() {
        List<Submission> all = common("decision", "SEND");
        all.add(of("postpone without a date", string("decision", "POSTPONE")));
        all.add(of("postpone until 2026-02-30", string("decision", "POSTPONE"), string("postponeUntil", "2026-02-30")));
        all.add(of("postpone until year 99999", string("decision", "POSTPONE"), string("postponeUntil", "99999-01-01")));
        all.add(of("postpone until a number", string("decision", "POSTPONE"), typed("postponeUntil", "20260401", "Long")));
        all.add(of("postpone until yesterday", string("decision", "POSTPONE"), string("postponeUntil", "2026-03-12")));
        all.add(of("postpone until SQL", string("decision", "POSTPONE"), string("postponeUntil", SQL)));
        all.add(of("send with a note of 5000 characters", string("decision", "SEND"), string("note", "n".repeat(5000))));
        all.add(of("send with a note holding a NUL character", string("decision", "SEND"), string("note", "A\u0000B")));
        all.add(of("send with a JSON note", string("decision", "SEND"), typed("note", quote("{\"a\": 1}"), "Json")));
        all.add(of("send with the notice id overwritten", string("decision", "SEND"), typed("noticeId", "1", "Long")));
        all.add(of("send with the routing decision overwritten", string("decision", "SEND"), string("reviewDecision", "STOP")));
        return all;
    }

    static List<Submission> dispute() {
        List<Submission> all = common("resolution", "RESUME");
        all.add(of("resume without a note", string("resolution", "RESUME")));
        all.add(of("resume with a blank note", string("resolution", "RESUME"), string("note", "   ")));
        all.add(of("close with a note of 5000 characters", string("resolution", "CLOSE"), string("note", "n".repeat(5000))));
        all.add(of("close with the routing resolution overwritten", string("resolution", "CLOSE"), string("note", "ok"),
                string("disputeResolution", "RESUME")));
        return all;
    }

    static List<Submission> contactData() {
        return List.of(
                of("nothing submitted"),
                of("a city only", string("city", "Oslo")),
                of("an e-mail that is none", string("email", "kari at example")),
                of("an e-mail with SQL", string("email", SQL)),
                of("an e-mail of 5000 characters", string("email", "k".repeat(4990) + "@example.no")),
                of("a postal code of 100 characters", string("addressLine1", "Storgata 1"), string("postalCode", "1".repeat(100)),
                        string("city", "Oslo")),
                of("an address as JSON", typed("addressLine1", quote("{\"line1\": \"x\"}"), "Json"), string("postalCode", "0155"),
                        string("city", "Oslo")),
                of("another customer's id", string("email", "kari@example.no"), string("customerExternalId", "C-R")),
                of("an unknown key", string("email", "kari@example.no"), string("isAdmin", "true")),
                new Submission("malformed JSON", "{\"variables\": {" + string("email", "kari@example.no")));
    }

    static List<Submission> handover() {
        List<Submission> all = common("decision", "APPROVE");
        all.add(of("hold without a date", string("decision", "HOLD")));
        all.add(of("hold until yesterday", string("decision", "HOLD"), string("holdUntil", "2026-04-28")));
        all.add(of("hold until 2026-02-30", string("decision", "HOLD"), string("holdUntil", "2026-02-30")));
        all.add(of("write off without a reason", string("decision", "WRITE_OFF")));
        all.add(of("write off with a reason of 5000 characters", string("decision", "WRITE_OFF"), string("reason", "r".repeat(5000))));
        all.add(of("approve with the handover decision overwritten", string("decision", "APPROVE"), string("handoverDecision", "WRITE_OFF")));
        return all;
    }

    static List<Submission> withdrawal() {
        List<Submission> all = common("decision", "KEEP");
        all.add(of("withdraw without a reason", string("decision", "WITHDRAW")));
        all.add(of("withdraw with a reason of 5000 characters", string("decision", "WITHDRAW"), string("reason", "r".repeat(5000))));
        return all;
    }

    static List<Submission> payment() {
        List<Submission> all = common("decision", "END_COLLECTION");
        all.add(of("end with a note of 5000 characters", string("decision", "END_COLLECTION"), string("note", "n".repeat(5000))));
        return all;
    }
}

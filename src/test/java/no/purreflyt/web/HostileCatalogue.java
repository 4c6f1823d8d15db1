package no.purreflyt.web;

import static no.purreflyt.web.HostileRequest.get;
import static no.purreflyt.web.HostileRequest.json;
import static no.purreflyt.web.HostileRequest.typed;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The hostile requests, endpoint by endpoint: malformed JSON, no body, the wrong content type, wrongly typed, missing
 * and unknown fields, values out of range, oversized bodies and strings, and injection-shaped text where the endpoint
 * takes text. Each names the status it must get (0: any 4xx) and the field the answer must name.
 */
final class HostileCatalogue {

    static final String SQL = "'; drop table invoice; --";
    static final String SCRIPT = "<script>alert(1)</script>";
    static final String FREEMARKER = "${7*7}";
    static final String FREEMARKER_EXECUTE = "<#assign ex=\"freemarker.template.utility.Execute\"?new()>${ex(\"id\")}";
    static final String CSV_FORMULA = "=cmd|' /C calc'!A0";
    static final String CONTROL = "A\u0000B\u0007\u001b[31mC";

    /** Injection-shaped text for a JSON string (escaped as JSON). */
    static final List<String> INJECTIONS = List.of(SQL, SCRIPT, FREEMARKER, FREEMARKER_EXECUTE, CSV_FORMULA, CONTROL,
            "../../etc/passwd");

    /**
     * Injection-shaped text refused as an id. A relative path is not among them: ids may hold dots and slashes
     * ({@code 2026/001} is a common invoice number), so {@code ../../etc/passwd} is a valid, if odd, id.
     */
    static final List<String> ID_INJECTIONS = INJECTIONS.stream().filter(i -> !i.contains("/")).toList();

    /** Path segments that are no id of ours: traversal, encoded traversal, NUL, control characters, injection. */
    static final List<String> PATH_VALUES = List.of(
            "..%2F..%2Fetc%2Fpasswd", "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "..%252F..%252Fetc%252Fpasswd",
            "..;", "%2e%2e", "A%00B", "A%0D%0AX-Injected:%20yes", "%27%3B%20drop%20table%20invoice%3B%20--",
            "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "%24%7B7*7%7D", "%C0%AE%C0%AE", "%FF%FE", "A".repeat(4000));

    private HostileCatalogue() {
    }

    /** What a case needs of the data the test set up. */
    record Fixture(String customer, String invoice, long noticeId, Function<String, Map<String, String>> agencySignature) {
    }

    static List<HostileRequest> api(Fixture f) {
        List<HostileRequest> all = new ArrayList<>();
        String customerPath = "/api/customers/" + f.customer();
        String invoicePath = "/api/invoices/" + f.invoice();

        // ---- POST /api/customers
        String customer = """
                {"externalId": "NEW-1", "name": "Kari", "type": "CONSUMER", "country": "NO", "email": "kari@example.no",
                 "address": {"line1": "Storgata 1", "postalCode": "0155", "city": "Oslo"}}""";
        all.addAll(jsonBasics("POST /api/customers", "POST", "/api/customers", customer, "externalId"));
        all.add(json("customer: type not one of the enum", "POST", "/api/customers",
                customer.replace("\"CONSUMER\"", "\"ALIEN\""), 400, "type"));
        all.add(json("customer: country a number", "POST", "/api/customers",
                customer.replace("\"NO\"", "47"), 400, "country"));
        all.add(json("customer: address an array", "POST", "/api/customers",
                customer.replace("{\"line1\": \"Storgata 1\", \"postalCode\": \"0155\", \"city\": \"Oslo\"}", "[]"), 400,
                "address"));
        all.add(json("customer: name an object", "POST", "/api/customers",
                customer.replace("\"Kari\"", "{\"first\": \"Kari\"}"), 400, "name"));
        all.add(json("customer: e-mail not an address", "POST", "/api/customers",
                customer.replace("kari@example.no", "kari at example"), 400, "email"));
        all.add(json("customer: dunning block until 2026-02-30", "POST", "/api/customers",
                customer.replace("\"address\"", "\"dunningBlock\": {\"blocked\": true, \"reason\": \"x\", \"until\": \"2026-02-30\"}, \"address\""),
                400, "dunningBlock.until"));
        all.add(json("customer: dunning block until year 99999", "POST", "/api/customers",
                customer.replace("\"address\"", "\"dunningBlock\": {\"blocked\": true, \"reason\": \"x\", \"until\": \"99999-01-01\"}, \"address\""),
                400, "dunningBlock.until"));
        all.add(json("customer: name of 6 MB", "POST", "/api/customers",
                customer.replace("\"Kari\"", "\"" + "K".repeat(6 * 1024 * 1024) + "\""), 400, "name"));
        all.add(json("customer: postal code of 10000 characters", "POST", "/api/customers",
                customer.replace("\"0155\"", "\"" + "1".repeat(10_000) + "\""), 400, "address.postalCode"));
        for (String injection : ID_INJECTIONS) {
            all.add(json("customer: externalId " + printable(injection), "POST", "/api/customers",
                    customer.replace("\"NEW-1\"", quote(injection)), 400, "externalId"));
        }
        all.add(json("customer: the same externalId again", "POST", "/api/customers",
                customer.replace("NEW-1", f.customer()), 409, "externalId"));

        // ---- PATCH /api/customers/{externalId}
        all.add(typed("PATCH customer: malformed merge patch", "PATCH", customerPath, "application/merge-patch+json",
                bytes("{\"name\": "), 400, null));
        all.add(typed("PATCH customer: an array, no object", "PATCH", customerPath, "application/merge-patch+json",
                bytes("[1, 2]"), 400, null));
        all.add(typed("PATCH customer: wrong content type", "PATCH", customerPath, "text/plain", bytes("{\"name\": \"x\"}"),
                415, null));
        all.add(typed("PATCH customer: type not one of the enum", "PATCH", customerPath, "application/merge-patch+json",
                bytes("{\"type\": \"ALIEN\"}"), 400, "type"));
        all.add(typed("PATCH customer: unknown field", "PATCH", customerPath, "application/merge-patch+json",
                bytes("{\"isAdmin\": true}"), 400, "isAdmin"));
        all.add(typed("PATCH customer: address a number", "PATCH", customerPath, "application/merge-patch+json",
                bytes("{\"address\": 12}"), 400, "address"));
        all.add(typed("PATCH customer: name removed", "PATCH", customerPath, "application/merge-patch+json",
                bytes("{\"name\": null}"), 400, "name"));
        all.add(typed("PATCH customer: externalId changed", "PATCH", customerPath, "application/merge-patch+json",
                bytes("{\"externalId\": \"" + SQL.replace("'", "\\u0027") + "\"}"), 422, "externalId"));
        all.add(typed("PATCH customer: name of 10000 characters", "PATCH", customerPath, "application/merge-patch+json",
                bytes("{\"name\": \"" + "x".repeat(10_000) + "\"}"), 400, "name"));
        all.add(typed("PATCH customer: name with a NUL character", "PATCH", customerPath, "application/merge-patch+json",
                bytes("{\"name\": \"Kari\\u0000\"}"), 400, "name"));
        all.add(typed("PATCH customer: block until 2026-02-30", "PATCH", customerPath, "application/merge-patch+json",
                bytes("{\"dunningBlock\": {\"blocked\": true, \"reason\": \"x\", \"until\": \"2026-02-30\"}}"), 400,
                "dunningBlock.until"));

        // ---- POST /api/invoices
        String invoice = """
                {"number": "NEW-INV", "customerExternalId": "%s", "issueDate": "2026-02-01", "dueDate": "2026-02-15",
                 "amount": "100.00", "currency": "NOK"}""".formatted(f.customer());
        all.addAll(jsonBasics("POST /api/invoices", "POST", "/api/invoices", invoice, "number"));
        all.add(json("invoice: amount a word", "POST", "/api/invoices", invoice.replace("\"100.00\"", "\"lots\""), 400, "amount"));
        all.add(json("invoice: amount an object", "POST", "/api/invoices", invoice.replace("\"100.00\"", "{\"value\": 1}"), 400, "amount"));
        all.add(json("invoice: amount negative", "POST", "/api/invoices", invoice.replace("\"100.00\"", "-100.00"), 400, "amount"));
        all.add(json("invoice: amount zero", "POST", "/api/invoices", invoice.replace("\"100.00\"", "0"), 400, "amount"));
        all.add(json("invoice: amount with 3 decimals", "POST", "/api/invoices", invoice.replace("\"100.00\"", "100.005"), 400, "amount"));
        all.add(json("invoice: amount huge", "POST", "/api/invoices", invoice.replace("\"100.00\"", "1" + "0".repeat(40)), 400, "amount"));
        all.add(json("invoice: amount 1e400", "POST", "/api/invoices", invoice.replace("\"100.00\"", "1e400"), 400, "amount"));
        all.add(json("invoice: amount NaN", "POST", "/api/invoices", invoice.replace("\"100.00\"", "\"NaN\""), 400, "amount"));
        all.add(json("invoice: due date a number", "POST", "/api/invoices", invoice.replace("\"2026-02-15\"", "20260215"), 400, "dueDate"));
        all.add(json("invoice: due date 2026-02-30", "POST", "/api/invoices", invoice.replace("2026-02-15", "2026-02-30"), 400, "dueDate"));
        all.add(json("invoice: due date year 99999", "POST", "/api/invoices", invoice.replace("2026-02-15", "99999-02-15"), 400, "dueDate"));
        // [2026, 2, 1] is Jackson's array form of a date, read as the same day: not hostile; words in an array are
        all.add(json("invoice: issue date an array of words", "POST", "/api/invoices", invoice.replace("\"2026-02-01\"", "[\"first\", \"of\", \"February\"]"), 400, "issueDate"));
        all.add(json("invoice: currency lower case", "POST", "/api/invoices", invoice.replace("NOK", "nok"), 400, "currency"));
        all.add(json("invoice: number of 10000 characters", "POST", "/api/invoices", invoice.replace("NEW-INV", "N".repeat(10_000)), 400, "number"));
        all.add(json("invoice: unknown customer", "POST", "/api/invoices", invoice.replace(f.customer(), "NOBODY"), 422, "customerExternalId"));
        all.add(json("invoice: the same number again", "POST", "/api/invoices", invoice.replace("NEW-INV", f.invoice()), 409, "number"));
        for (String injection : ID_INJECTIONS) {
            all.add(json("invoice: number " + printable(injection), "POST", "/api/invoices",
                    invoice.replace("\"NEW-INV\"", quote(injection)), 400, "number"));
            all.add(json("invoice: customer " + printable(injection), "POST", "/api/invoices",
                    invoice.replace(quote(f.customer()), quote(injection)), 0, "customerExternalId"));
        }

        // ---- POST /api/invoices/import
        String header = "number,customerExternalId,issueDate,dueDate,amount,currency\n";
        all.add(typed("import: empty file", "POST", "/api/invoices/import", "text/csv", new byte[0], 400, null));
        all.add(typed("import: JSON instead of CSV", "POST", "/api/invoices/import", "application/json", bytes(invoice), 415, null));
        all.add(typed("import: no header", "POST", "/api/invoices/import", "text/csv",
                bytes("NEW-INV," + f.customer() + ",2026-02-01,2026-02-15,100.00,NOK\n"), 400, null));
        all.add(typed("import: formula as number", "POST", "/api/invoices/import", "text/csv",
                bytes(header + "\"" + CSV_FORMULA.replace("\"", "\"\"") + "\"," + f.customer() + ",2026-02-01,2026-02-15,100.00,NOK\n"), 422, "number"));
        all.add(typed("import: formula as customer", "POST", "/api/invoices/import", "text/csv",
                bytes(header + "NEW-INV,\"" + CSV_FORMULA + "\",2026-02-01,2026-02-15,100.00,NOK\n"), 422, "customerExternalId"));
        all.add(typed("import: formula as amount", "POST", "/api/invoices/import", "text/csv",
                bytes(header + "NEW-INV," + f.customer() + ",2026-02-01,2026-02-15,=1+1,NOK\n"), 422, "amount"));
        all.add(typed("import: second row bad, nothing imported", "POST", "/api/invoices/import", "text/csv",
                bytes(header + "NEW-INV," + f.customer() + ",2026-02-01,2026-02-15,100.00,NOK\n"
                        + "NEW-INV-2," + f.customer() + ",2026-02-30,2026-02-15,100.005,NOK\n"), 422, "issueDate"));
        all.add(typed("import: unclosed quote", "POST", "/api/invoices/import", "text/csv",
                bytes(header + "\"NEW-INV," + f.customer() + ",2026-02-01,2026-02-15,100.00,NOK\n"), 0, null));
        all.add(typed("import: NUL and control characters", "POST", "/api/invoices/import", "text/csv",
                bytes(header + "NEW\u0000INV," + f.customer() + ",2026-02-01,2026-02-15,100.00,NOK\n"), 422, "number"));
        all.add(typed("import: 6 MB in one field", "POST", "/api/invoices/import", "text/csv",
                bytes(header + "N".repeat(6 * 1024 * 1024) + "," + f.customer() + ",2026-02-01,2026-02-15,100.00,NOK\n"), 422, "number"));
        all.add(typed("import: year 99999", "POST", "/api/invoices/import", "text/csv",
                bytes(header + "NEW-INV," + f.customer() + ",2026-02-01,99999-02-15,100.00,NOK\n"), 422, "dueDate"));

        // ---- PATCH /api/invoices/{number}
        all.add(typed("PATCH invoice: excluded a word", "PATCH", invoicePath, "application/merge-patch+json",
                bytes("{\"excluded\": \"perhaps\"}"), 400, "excluded"));
        all.add(typed("PATCH invoice: amount changed", "PATCH", invoicePath, "application/merge-patch+json",
                bytes("{\"excluded\": false, \"amount\": \"1.00\"}"), 400, "amount"));
        all.add(typed("PATCH invoice: empty object", "PATCH", invoicePath, "application/merge-patch+json",
                bytes("{}"), 400, "excluded"));
        all.add(typed("PATCH invoice: malformed", "PATCH", invoicePath, "application/merge-patch+json",
                bytes("{\"excluded\": tru"), 400, null));

        // ---- PUT /api/invoices/{number}/document
        all.add(typed("document: not a PDF", "PUT", invoicePath + "/document", "application/pdf",
                bytes(SCRIPT), 422, "document"));
        all.add(typed("document: empty", "PUT", invoicePath + "/document", "application/pdf", new byte[0], 0, null));
        all.add(typed("document: as JSON", "PUT", invoicePath + "/document", "application/json", bytes("{}"), 415, null));
        byte[] big = new byte[12 * 1024 * 1024];
        System.arraycopy(bytes("%PDF-"), 0, big, 0, 5);
        all.add(typed("document: 12 MB", "PUT", invoicePath + "/document", "application/pdf", big, 0, "document"));

        // ---- payments, credit notes, disputes
        String payment = "{\"amount\": \"10.00\", \"paidOn\": \"2026-03-01\", \"externalId\": \"P-1\"}";
        all.addAll(jsonBasics("POST payments", "POST", invoicePath + "/payments", payment, "amount"));
        all.add(json("payment: amount negative", "POST", invoicePath + "/payments", payment.replace("\"10.00\"", "-10"), 400, "amount"));
        all.add(json("payment: amount zero", "POST", invoicePath + "/payments", payment.replace("\"10.00\"", "0.00"), 400, "amount"));
        all.add(json("payment: amount with 3 decimals", "POST", invoicePath + "/payments", payment.replace("\"10.00\"", "10.001"), 400, "amount"));
        all.add(json("payment: amount huge", "POST", invoicePath + "/payments", payment.replace("\"10.00\"", "9".repeat(30)), 400, "amount"));
        all.add(json("payment: paid on 2026-02-30", "POST", invoicePath + "/payments", payment.replace("2026-03-01", "2026-02-30"), 400, "paidOn"));
        all.add(json("payment: paid on year 99999", "POST", invoicePath + "/payments", payment.replace("2026-03-01", "99999-03-01"), 400, "paidOn"));
        all.add(json("payment: paid on a number", "POST", invoicePath + "/payments", payment.replace("\"2026-03-01\"", "1772323200"), 400, "paidOn"));
        all.add(json("payment: paid in the future", "POST", invoicePath + "/payments", payment.replace("2026-03-01", "2030-01-01"), 422, "paidOn"));
        all.add(json("payment: other currency", "POST", invoicePath + "/payments", payment.replace("}", ", \"currency\": \"SEK\"}"), 422, "currency"));
        all.add(json("payment: externalId an array", "POST", invoicePath + "/payments", payment.replace("\"P-1\"", "[\"P-1\"]"), 400, "externalId"));
        all.add(json("payment: reference of 10000 characters", "POST", invoicePath + "/payments",
                payment.replace("}", ", \"reference\": \"" + "r".repeat(10_000) + "\"}"), 400, "reference"));
        all.add(json("payment: reference with a NUL character", "POST", invoicePath + "/payments",
                payment.replace("}", ", \"reference\": \"A\\u0000B\"}"), 400, "reference"));
        all.add(json("payment: on an unknown invoice", "POST", "/api/invoices/NOPE/payments", payment, 404, null));
        String credit = "{\"amount\": \"10.00\", \"date\": \"2026-03-01\", \"reason\": \"x\"}";
        all.addAll(jsonBasics("POST credit-notes", "POST", invoicePath + "/credit-notes", credit, "amount"));
        all.add(json("credit note: more than the invoice", "POST", invoicePath + "/credit-notes", credit.replace("\"10.00\"", "\"999999.00\""), 0, "amount"));
        all.add(json("credit note: amount with 3 decimals", "POST", invoicePath + "/credit-notes", credit.replace("\"10.00\"", "1.999"), 400, "amount"));
        all.add(json("credit note: date 2026-02-30", "POST", invoicePath + "/credit-notes", credit.replace("2026-03-01", "2026-02-30"), 400, "date"));
        all.add(json("credit note: reason of 10000 characters", "POST", invoicePath + "/credit-notes", credit.replace("\"x\"", "\"" + "x".repeat(10_000) + "\""), 400, "reason"));
        String dispute = "{\"reason\": \"I never got the fish\"}";
        all.addAll(jsonBasics("POST disputes", "POST", invoicePath + "/disputes", dispute, "reason"));
        all.add(json("dispute: reason blank", "POST", invoicePath + "/disputes", "{\"reason\": \"   \"}", 400, "reason"));
        all.add(json("dispute: reason of 6 MB", "POST", invoicePath + "/disputes", "{\"reason\": \"" + "x".repeat(6 * 1024 * 1024) + "\"}", 400, "reason"));
        all.add(json("dispute: reason a number", "POST", invoicePath + "/disputes", "{\"reason\": 42}", 0, "reason"));

        // ---- collection
        all.addAll(jsonBasics("POST withdraw", "POST", invoicePath + "/withdraw", "{\"reason\": \"Debtor called\"}", "reason"));
        all.add(json("withdraw: not handed over", "POST", invoicePath + "/withdraw", "{\"reason\": \"" + SQL.replace("'", "\\u0027") + "\"}", 0, null));
        all.add(get("handover: not handed over", invoicePath + "/handover", 404, null));
        String callback = "{\"callbackId\": \"C-1\", \"invoiceNumber\": \"" + f.invoice() + "\", \"result\": \"PAID\", \"amount\": \"10.00\"}";
        all.add(json("callback: unsigned", "POST", "/api/agency-callbacks", callback, 401, null).anonymous());
        all.add(json("callback: signed for another body", "POST", "/api/agency-callbacks", callback, 401, null).anonymous()
                .withHeaders(f.agencySignature().apply("{}")));
        all.add(json("callback: signature not hex", "POST", "/api/agency-callbacks", callback, 401, null).anonymous()
                .withHeaders(Map.of("X-Purreflyt-Agency", "Test Inkasso AS", "X-Purreflyt-Timestamp", "1",
                        "X-Purreflyt-Signature", "sha256=" + SQL)));
        all.add(json("callback: unknown agency", "POST", "/api/agency-callbacks", callback, 401, null).anonymous()
                .withHeaders(Map.of("X-Purreflyt-Agency", SCRIPT, "X-Purreflyt-Timestamp", "1", "X-Purreflyt-Signature", "sha256=00")));
        all.add(typed("callback: as text", "POST", "/api/agency-callbacks", "text/plain", bytes(callback), 415, null).anonymous()
                .withHeaders(f.agencySignature().apply(callback)));
        for (var signed : List.of(
                new String[] {"malformed JSON", "{\"callbackId\": ", null, "400"},
                new String[] {"empty body", "", null, "400"},
                new String[] {"an array", "[]", null, "400"},
                new String[] {"unknown field", callback.replace("}", ", \"bonus\": 1}"), "bonus", "400"},
                new String[] {"result not one of the enum", callback.replace("PAID", "STOLEN"), "result", "400"},
                new String[] {"amount a word", callback.replace("\"10.00\"", "\"ten\""), "amount", "400"},
                new String[] {"amount negative", callback.replace("\"10.00\"", "-10.00"), "amount", "400"},
                new String[] {"amount with 3 decimals", callback.replace("\"10.00\"", "10.001"), "amount", "400"},
                new String[] {"paid on 2026-02-30", callback.replace("}", ", \"paidOn\": \"2026-02-30\"}"), "paidOn", "400"},
                new String[] {"missing fields", "{}", "amount", "400"},
                new String[] {"note of 10000 characters", callback.replace("}", ", \"note\": \"" + "n".repeat(10_000) + "\"}"), "note", "400"},
                new String[] {"invoice never handed over", callback, "invoiceNumber", "409"},
                new String[] {"invoice number SQL", callback.replace("\"" + f.invoice() + "\"", quote(SQL)), "invoiceNumber", "409"})) {
            all.add(json("callback signed: " + signed[0], "POST", "/api/agency-callbacks", signed[1],
                    Integer.parseInt(signed[3]), signed[2]).anonymous().withHeaders(f.agencySignature().apply(signed[1])));
        }
        all.add(get("agency exports: limit a word", "/api/agency-exports?limit=many", 400, "limit"));
        all.add(get("agency exports: limit 0", "/api/agency-exports?limit=0", 400, "limit"));
        all.add(get("agency exports: limit huge", "/api/agency-exports?limit=99999999999999", 400, "limit"));

        // ---- postings
        all.add(get("postings: from 2026-02-30", "/api/postings?from=2026-02-30&to=2026-03-01", 400, "from"));
        all.add(get("postings: to year 99999", "/api/postings?from=2026-03-01&to=99999-03-01", 400, "to"));
        all.add(get("postings: from SQL", "/api/postings?from=%27%3B%20drop%20table%20posting%3B%20--&to=2026-03-01", 400, "from"));
        all.add(get("postings: format xml", "/api/postings?from=2026-03-01&to=2026-03-01&format=xml", 400, "format"));
        all.add(get("postings: from after to", "/api/postings?from=2026-03-02&to=2026-03-01", 400, "from"));

        // ---- plans
        String plan = "{\"name\": \"Mild\", \"feePolicy\": \"MILD\"}";
        all.addAll(jsonBasics("POST /api/plans", "POST", "/api/plans", "{\"key\": \"mild\", \"definition\": " + plan + "}", "definition"));
        all.add(json("plan: key with SQL", "POST", "/api/plans", "{\"key\": " + quote(SQL) + ", \"definition\": " + plan + "}", 0, "key"));
        all.add(json("plan: key traversal", "POST", "/api/plans", "{\"key\": \"../../etc/passwd\", \"definition\": " + plan + "}", 0, "key"));
        all.add(json("plan: no definition", "POST", "/api/plans", "{\"key\": \"mild\"}", 422, "definition"));
        all.add(json("plan: definition a string", "POST", "/api/plans", "{\"key\": \"mild\", \"definition\": \"MILD\"}", 400, "definition"));
        all.add(json("plan: fee policy unknown", "POST", "/api/plans", "{\"key\": \"mild\", \"definition\": " + plan.replace("\"MILD\"", "\"FREE\"") + "}", 400, "definition.feePolicy"));
        all.add(json("plan: grace days a word", "POST", "/api/plans", "{\"key\": \"mild\", \"definition\": " + plan.replace("}", ", \"graceDays\": \"few\"}") + "}", 400, "definition.graceDays"));
        all.add(json("plan: grace days negative", "POST", "/api/plans", "{\"key\": \"mild\", \"definition\": " + plan.replace("}", ", \"graceDays\": -5}") + "}", 0, "graceDays"));
        all.add(json("plan: minimum amount 3 decimals", "POST", "/api/plans", "{\"key\": \"mild\", \"definition\": " + plan.replace("}", ", \"minimumAmount\": 1.001}") + "}", 0, "minimumAmount"));
        all.add(json("plan: time of day 25:00", "POST", "/api/plans", "{\"key\": \"mild\", \"definition\": " + plan.replace("}", ", \"timeOfDay\": \"25:00\"}") + "}", 400, "definition.timeOfDay"));
        all.add(json("plan: name of 10000 characters", "POST", "/api/plans", "{\"key\": \"mild\", \"definition\": " + plan.replace("Mild", "M".repeat(10_000)) + "}", 0, "name"));
        all.add(json("plan: purringer an object", "POST", "/api/plans", "{\"key\": \"mild\", \"definition\": " + plan.replace("}", ", \"purringer\": {\"daysAfterDue\": 14}}") + "}", 400, "definition.purringer"));
        all.add(json("plan: existing key", "POST", "/api/plans", "{\"key\": \"standard\", \"definition\": " + plan + "}", 409, "key"));
        all.addAll(jsonBasics("PUT /api/plans/mild", "PUT", "/api/plans/mild", plan, "name"));
        all.add(json("PUT plan: key upper case", "PUT", "/api/plans/MILD", plan, 0, "key"));
        // refused by the firewall for its semicolon, before any field is read
        all.add(json("PUT plan: key with SQL", "PUT", "/api/plans/%27%3B%20drop%20table%20dunning_plan%3B%20--", plan, 400, null));
        all.add(json("DELETE plan: unknown", "DELETE", "/api/plans/nope", null, 404, null));
        all.add(get("plan: version a word", "/api/plans/standard?version=latest", 400, "version"));
        all.add(get("plan: version huge", "/api/plans/standard?version=99999999999", 400, "version"));
        all.add(get("plan: version 0", "/api/plans/standard?version=0", 404, null));
        all.add(get("plan summary: amount negative", "/api/plans/standard/summary?amount=-1", 422, "amount"));
        all.add(get("plan summary: amount 3 decimals", "/api/plans/standard/summary?amount=1.001", 422, "amount"));
        all.add(get("plan summary: amount a word", "/api/plans/standard/summary?amount=lots", 400, "amount"));
        all.add(get("plan summary: amount 1e999999999", "/api/plans/standard/summary?amount=1e999999999", 0, "amount"));
        all.add(get("plan summary: due date 2026-02-30", "/api/plans/standard/summary?dueDate=2026-02-30", 400, "dueDate"));
        all.add(get("plan summary: due date year 99999", "/api/plans/standard/summary?dueDate=99999-01-01", 400, "dueDate"));
        all.add(get("plan summary: country XX", "/api/plans/standard/summary?country=XX", 400, "country"));
        all.add(get("plan summary: debtor type SQL", "/api/plans/standard/summary?debtorType=%27%3B--", 400, "debtorType"));
        String migration = "{\"invoiceNumbers\": [\"" + f.invoice() + "\"]}";
        // {} is a valid migration (every case on an older version): no "no fields" case here
        all.addAll(jsonBasics("POST migrations", "POST", "/api/plans/standard/migrations", migration, null));
        all.add(json("migration: versions words", "POST", "/api/plans/standard/migrations", "{\"fromVersions\": [\"one\"]}", 400, "fromVersions[0]"));
        all.add(json("migration: invoice numbers a string", "POST", "/api/plans/standard/migrations", "{\"invoiceNumbers\": \"" + f.invoice() + "\"}", 0, "invoiceNumbers"));
        all.add(json("migration: unknown plan", "POST", "/api/plans/nope/migrations", migration, 404, null));
        all.addAll(jsonBasics("PUT customer plan", "PUT", customerPath + "/plan", "{\"planKey\": \"business\"}", "planKey"));
        all.add(json("customer plan: unknown plan", "PUT", customerPath + "/plan", "{\"planKey\": " + quote(SQL) + "}", 0, "planKey"));
        all.add(json("customer plan: planKey a number", "PUT", customerPath + "/plan", "{\"planKey\": 7}", 0, "planKey"));
        all.add(json("customer plan: planKey blank", "PUT", customerPath + "/plan", "{\"planKey\": \" \"}", 0, "planKey"));

        // ---- claim
        all.add(get("claim: on 2026-02-30", invoicePath + "/claim?on=2026-02-30", 400, "on"));
        all.add(get("claim: on year 99999", invoicePath + "/claim?on=99999-01-01", 400, "on"));
        all.add(get("claim: on a word", invoicePath + "/claim?on=tomorrow", 400, "on"));

        // ---- clock
        all.addAll(jsonBasics("POST clock", "POST", "/api/admin/clock", "{\"advanceDays\": 1}", "advanceDays"));
        all.add(json("clock: date 2026-02-30", "POST", "/api/admin/clock", "{\"date\": \"2026-02-30\"}", 400, "date"));
        all.add(json("clock: date year 99999", "POST", "/api/admin/clock", "{\"date\": \"99999-01-01\"}", 400, "date"));
        all.add(json("clock: advance a word", "POST", "/api/admin/clock", "{\"advanceDays\": \"ten\"}", 400, "advanceDays"));
        all.add(json("clock: advance huge", "POST", "/api/admin/clock", "{\"advanceDays\": 99999999999}", 400, "advanceDays"));
        all.add(json("clock: advance beyond ten years", "POST", "/api/admin/clock", "{\"advanceDays\": 100000}", 400, "advanceDays"));
        all.add(json("clock: both", "POST", "/api/admin/clock", "{\"date\": \"2026-03-10\", \"advanceDays\": 1}", 400, null));
        all.add(json("clock: time 25:61", "POST", "/api/admin/clock", "{\"date\": \"2026-03-10\", \"time\": \"25:61\"}", 400, "time"));
        all.add(json("clock: as a controller", "POST", "/api/admin/clock", "{\"advanceDays\": 1}", 403, null).as("test-controller"));

        // ---- delivery settings
        all.addAll(jsonBasics("PUT delivery settings", "PUT", "/api/settings/delivery", "{\"inkassovarselByEmail\": true}", "inkassovarselByEmail"));
        all.add(json("delivery: a word", "PUT", "/api/settings/delivery", "{\"inkassovarselByEmail\": \"perhaps\"}", 400, "inkassovarselByEmail"));
        all.add(json("delivery: null", "PUT", "/api/settings/delivery", "{\"inkassovarselByEmail\": null}", 400, "inkassovarselByEmail"));

        // ---- templates
        // text/plain is the template file itself, taken by a second mapping
        all.addAll(jsonBasics("PUT template", "PUT", "/api/templates/purring/nb", "{\"source\": \"<h1>Purring</h1>\"}", "source")
                .stream().filter(r -> !r.name().endsWith("text/plain")).toList());
        for (String attack : List.of(FREEMARKER_EXECUTE,
                "<#assign c=\"freemarker.template.utility.ObjectConstructor\"?new()>${c(\"java.lang.ProcessBuilder\", \"id\").start()}",
                "<#assign j=\"freemarker.template.utility.JythonRuntime\"?new()><@j>import os</@j>",
                "${invoice?api.getClass().getProtectionDomain()}",
                "${\"freemarker.template.utility.Execute\"?new()(\"id\")}",
                "<#include \"../../../../etc/passwd\">",
                "<#include \"/etc/passwd\">",
                "<h1>${7*7}</h1><#list 1..999999999 as i>${i}</#list>",
                "<h1>x</h1><#if")) {
            all.add(json("template: " + printable(attack), "PUT", "/api/templates/purring/nb",
                    "{\"source\": " + quote("<h1>Purring</h1>" + attack) + "}", 422, "source"));
        }
        all.add(typed("template text: Execute", "PUT", "/api/templates/purring/nb", "text/plain",
                bytes("<h1>Purring</h1>" + FREEMARKER_EXECUTE), 422, "source"));
        all.add(typed("template text: a NUL character", "PUT", "/api/templates/purring/nb", "text/plain",
                bytes("<h1>Purring</h1>\u0000"), 422, "source"));
        all.add(typed("template text: blank", "PUT", "/api/templates/purring/nb", "text/plain", bytes("   "), 422, "source"));
        all.add(typed("template text: 6 MB", "PUT", "/api/templates/purring/nb", "text/plain",
                bytes("<h1>x</h1>" + "x".repeat(6 * 1024 * 1024)), 422, "source"));
        all.add(json("template: source of 6 MB", "PUT", "/api/templates/purring/nb",
                "{\"source\": \"" + "x".repeat(6 * 1024 * 1024) + "\"}", 400, "source"));
        all.add(json("template: unknown kind", "PUT", "/api/templates/ransom-note/nb", "{\"source\": \"<h1>x</h1>\"}", 404, null));
        all.add(json("template: unknown language", "PUT", "/api/templates/purring/xx", "{\"source\": \"<h1>x</h1>\"}", 404, null));
        all.add(json("template: kind traversal", "PUT", "/api/templates/..%2F..%2Fetc/passwd", "{\"source\": \"<h1>x</h1>\"}", 0, null));
        all.add(typed("template: as a PDF", "PUT", "/api/templates/purring/nb", "application/pdf", bytes("%PDF-"), 415, null));
        all.add(json("DELETE template: unknown kind", "DELETE", "/api/templates/..;/nb", null, 0, null));

        // ---- notices
        String outcome = "{\"handedOver\": true}";
        all.addAll(jsonBasics("POST delivery outcome", "POST", "/api/notices/" + f.noticeId() + "/delivery-outcome", outcome, "handedOver"));
        all.add(json("delivery outcome: nothing uncertain", "POST", "/api/notices/" + f.noticeId() + "/delivery-outcome", outcome, 409, "handedOver"));
        all.add(json("delivery outcome: a word", "POST", "/api/notices/" + f.noticeId() + "/delivery-outcome", "{\"handedOver\": \"yes!\"}", 400, "handedOver"));
        all.add(get("notice: id a word", "/api/notices/abc", 400, "id"));
        all.add(get("notice: id huge", "/api/notices/99999999999999999999999", 400, "id"));
        all.add(get("notice: id negative", "/api/notices/-1", 404, null));
        all.add(get("notice html: id SQL", "/api/notices/1%20or%201=1/html", 400, "id"));
        all.add(get("notice pdf: unknown", "/api/notices/999999999/pdf", 404, null));
        all.add(get("letters: date 2026-02-30", "/api/letters?date=2026-02-30", 400, "date"));
        all.add(get("letters: date year 99999", "/api/letters?date=99999-01-01", 400, "date"));
        all.add(get("letters: no date", "/api/letters", 400, "date"));

        // ---- runs

        // ---- path variables of every GET with an id
        for (String template : List.of("/api/customers/%s", "/api/customers/%s/plan", "/api/invoices/%s",
                "/api/invoices/%s/claim", "/api/invoices/%s/forecast", "/api/invoices/%s/case", "/api/invoices/%s/plan",
                "/api/invoices/%s/handover", "/api/invoices/%s/document", "/api/plans/%s", "/api/plans/%s/versions",
                "/api/plans/%s/summary", "/api/templates/%s/nb", "/api/templates/purring/%s", "/api/notices/%s")) {
            for (String value : PATH_VALUES) {
                all.add(get("GET " + template.formatted(shorten(value)), template.formatted(value), 0, null));
            }
        }
        return all;
    }

    /** What every JSON endpoint gets: broken JSON, no body, another content type, an array, no fields, an unknown one. */
    static List<HostileRequest> jsonBasics(String endpoint, String method, String path, String valid, String requiredField) {
        List<HostileRequest> basics = new ArrayList<>(List.of(
                json(endpoint + ": malformed JSON", method, path, valid.substring(0, valid.length() / 2), 400, null),
                json(endpoint + ": empty body", method, path, "", 400, null),
                json(endpoint + ": JSON null", method, path, "null", 0, null),
                typed(endpoint + ": text/plain", method, path, "text/plain", bytes(valid), 415, null),
                typed(endpoint + ": form-encoded", method, path, "application/x-www-form-urlencoded", bytes("a=1"), 415, null),
                typed(endpoint + ": XML", method, path, "application/xml", bytes("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>"), 415, null),
                json(endpoint + ": an array", method, path, "[" + valid + "]", 400, null),
                json(endpoint + ": a string", method, path, "\"" + SQL + "\"", 400, null),
                json(endpoint + ": an unknown field", method, path, valid.replaceFirst("\\}\\s*$", ", \"isAdmin\": true}"), 400, "isAdmin"),
                json(endpoint + ": nested 100000 deep", method, path, "[".repeat(100_000) + "]".repeat(100_000), 400, null)));
        if (requiredField != null) {
            basics.add(json(endpoint + ": no fields", method, path, "{}", 0, requiredField));
        }
        return basics;
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The text as a JSON string. */
    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    static String printable(String text) {
        String shown = text.replaceAll("\\p{Cntrl}", "?");
        return shown.length() > 60 ? shown.substring(0, 60) + "…" : shown;
    }

    private static String shorten(String value) {
        return value.length() > 40 ? value.substring(0, 10) + "…(" + value.length() + " chars)" : value;
    }
}

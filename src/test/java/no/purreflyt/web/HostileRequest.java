package no.purreflyt.web;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One request a hostile or careless client sends, and what it must be answered: a status (one exact 4xx, or 0 for
 * any 4xx) and the field the answer names, if the request has one to blame. The path is sent as written, never
 * encoded again, so that encoded slashes and dots reach the server as they are.
 */
record HostileRequest(String name, String method, String path, String contentType, byte[] body,
        Map<String, String> headers, int status, String field, String user) {

    static final String JSON = "application/json";

    static HostileRequest json(String name, String method, String path, String body, int status, String field) {
        return new HostileRequest(name, method, path, JSON, body == null ? null : body.getBytes(StandardCharsets.UTF_8),
                Map.of(), status, field, IntegrationUsers.ADMIN);
    }

    static HostileRequest typed(String name, String method, String path, String contentType, byte[] body, int status,
            String field) {
        return new HostileRequest(name, method, path, contentType, body, Map.of(), status, field, IntegrationUsers.ADMIN);
    }

    static HostileRequest get(String name, String path, int status, String field) {
        return new HostileRequest(name, "GET", path, null, null, Map.of(), status, field, IntegrationUsers.ADMIN);
    }

    HostileRequest withHeaders(Map<String, String> more) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.putAll(more);
        return new HostileRequest(name, method, path, contentType, body, all, status, field, user);
    }

    HostileRequest as(String someone) {
        return new HostileRequest(name, method, path, contentType, body, headers, status, field, someone);
    }

    HostileRequest anonymous() {
        return new HostileRequest(name, method, path, contentType, body, headers, status, field, null);
    }

    boolean engineRest() {
        return path.startsWith("/engine-rest/");
    }

    @Override
    public String toString() {
        return name;
    }

    /** The users of {@code IntegrationTest}, for the catalogue, which is no test class. */
    static final class IntegrationUsers {
        static final String ADMIN = "test-admin";

        private IntegrationUsers() {
        }
    }
}

package no.purreflyt.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

/**
 * What anyone submits to a task of ours through the engine REST API ({@code POST /engine-rest/task/{id}/submit-form}
 * or {@code …/complete}), before the engine reads it: a body that is not JSON, variables that are not an object, and
 * serialized objects or files are refused with 400 in the engine REST API's own format (it would answer them with
 * Jackson's text naming its classes, or 500). Which keys a form may set is the engine's check ({@link TaskFormGuard}),
 * so that Tasklist's own path is covered too.
 */
@Component
class FormSubmissions implements ResourceConfigCustomizer {

    private final ObjectMapper json;

    FormSubmissions(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void customize(org.glassfish.jersey.server.ResourceConfig config) {
        config.register(new ReadableSubmissions(json));
    }

    /** The 400 of the engine REST API, in its own error format ({@code type}, {@code message}). */
    static Response badRequest(String message) {
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("type", "InvalidRequestException", "message", message)).build();
    }

    @Priority(Priorities.USER)
    static final class ReadableSubmissions implements ContainerRequestFilter {

        /** No form field submits these; a serialized object or file is nobody's answer to a question. */
        private static final Set<String> OPAQUE_TYPES = Set.of("object", "bytes", "file");

        private static final Pattern SUBMISSION = Pattern.compile("/?(?:engine/[^/]+/)?task/([^/]+)/(submit-form|complete)/?");

        private final ObjectMapper json;

        ReadableSubmissions(ObjectMapper json) {
            this.json = json;
        }

        @Override
        public void filter(ContainerRequestContext request) throws IOException {
            Matcher submission = SUBMISSION.matcher(request.getUriInfo().getPath());
            if (!"POST".equals(request.getMethod()) || !submission.matches()) {
                return;
            }
            byte[] body = request.getEntityStream().readAllBytes();
            request.setEntityStream(new ByteArrayInputStream(body));
            // the engine REST API answers a body it cannot read with Jackson's own text, which names its classes
            String taskId = submission.group(1);
            JsonNode variables;
            try {
                variables = json.readTree(body).path("variables");
            } catch (IOException malformed) {
                request.abortWith(badRequest("Cannot submit task form " + taskId + ": the body is not valid JSON"));
                return;
            }
            if (variables.isMissingNode() || variables.isNull()) {
                return;
            }
            if (!variables.isObject()) {
                request.abortWith(badRequest("Cannot submit task form " + taskId + ": variables must be an object of "
                        + "{\"name\": {\"value\": …, \"type\": …}}"));
                return;
            }
            List<String> unfit = new ArrayList<>();
            variables.fields().forEachRemaining(field -> {
                JsonNode value = field.getValue();
                if (!value.isObject()) {
                    unfit.add(field.getKey() + " is no {\"value\": …, \"type\": …}");
                } else if (value.path("type").isTextual()
                        && OPAQUE_TYPES.contains(value.path("type").asText().toLowerCase(java.util.Locale.ROOT))) {
                    unfit.add(field.getKey() + " is of type " + value.path("type").asText() + "; a form field is text");
                }
            });
            if (!unfit.isEmpty()) {
                request.abortWith(badRequest("Cannot submit task form " + taskId + ": " + String.join("; ", unfit)));
            }
        }
    }
}

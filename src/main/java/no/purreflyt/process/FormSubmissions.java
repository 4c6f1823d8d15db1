package no.purreflyt.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.GetDeployedTaskFormCmd;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

/**
 * What Tasklist (or anyone) submits to a task of ours through the engine REST API
 * ({@code POST /engine-rest/task/{id}/submit-form} or {@code …/complete}):
 * <ul>
 *   <li>only the keys of the task's Camunda Form are taken. Whatever else is submitted would become a process
 *   variable of the case, and could overwrite what routes it ({@code noticeId}, {@code caseId}, a decision already
 *   made); such a submission is refused with 400 and changes nothing;</li>
 *   <li>a value our complete listener refuses ({@link FormValues}: no decision, a date in the past) is the user's
 *   mistake, answered 400 with the listener's sentence. The engine wraps every exception of a task listener
 *   (ENGINE-03051) and the REST API answers what it wraps with 500, so the sentence is unwrapped here.</li>
 * </ul>
 */
@Component
class FormSubmissions implements ResourceConfigCustomizer {

    private final ProcessEngineConfigurationImpl engine;
    private final ObjectMapper json;

    FormSubmissions(ProcessEngineConfigurationImpl engine, ObjectMapper json) {
        this.engine = engine;
        this.json = json;
    }

    @Override
    public void customize(org.glassfish.jersey.server.ResourceConfig config) {
        config.register(new OnlyTheFormsKeys(engine, json));
        config.register(RefusalsAre400.class);
    }

    /** The 400 of the engine REST API, in its own error format ({@code type}, {@code message}). */
    static Response badRequest(String message) {
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("type", "InvalidRequestException", "message", message)).build();
    }

    @Priority(Priorities.USER)
    static final class OnlyTheFormsKeys implements ContainerRequestFilter {

        /** No form field submits these; a serialized object or file is nobody's answer to a question. */
        private static final Set<String> OPAQUE_TYPES = Set.of("object", "bytes", "file");

        private static final Pattern SUBMISSION = Pattern.compile("/?task/([^/]+)/(submit-form|complete)");

        private final ProcessEngineConfigurationImpl engine;
        private final ObjectMapper json;

        OnlyTheFormsKeys(ProcessEngineConfigurationImpl engine, ObjectMapper json) {
            this.engine = engine;
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
                return;
            }
            if (variables.isEmpty()) {
                return;
            }
            Set<String> keys = formKeys(taskId);
            if (keys == null) {
                return;
            }
            List<String> unknown = new ArrayList<>();
            variables.fieldNames().forEachRemaining(name -> {
                if (!keys.contains(name)) {
                    unknown.add(name.length() > 100 ? name.substring(0, 100) + "…" : name);
                }
            });
            if (!unknown.isEmpty()) {
                request.abortWith(badRequest("Cannot submit task form " + taskId + ": " + unknown
                        + (unknown.size() == 1 ? " is no field" : " are no fields") + " of its form; it has " + keys));
            }
        }

        /**
         * The keys of the task's deployed Camunda Form; null when there is no such task or it has no Camunda Form (the
         * engine answers those itself). Read without the caller's authorizations: whether the caller may work on the
         * task is the engine's question, and a guard that a missing read permission switched off would be none.
         */
        private Set<String> formKeys(String taskId) {
            try (InputStream form = engine.getCommandExecutorTxRequired().execute(context -> {
                boolean checking = context.isAuthorizationCheckEnabled();
                context.disableAuthorizationCheck();
                try {
                    return new GetDeployedTaskFormCmd(taskId).execute(context);
                } finally {
                    context.setAuthorizationCheckEnabled(checking);
                }
            })) {
                Set<String> keys = new TreeSet<>();
                collect(json.readTree(form), keys);
                return keys;
            } catch (ProcessEngineException | IOException noCamundaForm) {
                // no such task, or another kind of form: the engine answers that itself
                return null;
            }
        }

        private static void collect(JsonNode component, Set<String> keys) {
            if (component.hasNonNull("key") && component.path("type").isTextual()) {
                keys.add(component.path("key").asText());
            }
            component.path("components").forEach(child -> collect(child, keys));
        }
    }

    /** Camunda's own mapping, but a refusal by our listeners is the 400 it is. */
    @Priority(1)
    static final class RefusalsAre400 implements ExceptionMapper<RestException> {

        private final RestExceptionHandler camunda = new RestExceptionHandler();

        @Override
        public Response toResponse(RestException exception) {
            for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
                if (cause instanceof BadUserRequestException || cause instanceof FormFieldValidationException) {
                    String prefix = exception.getMessage() == null ? "" : exception.getMessage().replaceFirst(":.*$", "");
                    return badRequest((prefix.isBlank() ? "" : prefix + ": ") + cause.getMessage());
                }
                if (cause.getCause() == cause) {
                    break;
                }
            }
            return camunda.toResponse(exception);
        }
    }
}

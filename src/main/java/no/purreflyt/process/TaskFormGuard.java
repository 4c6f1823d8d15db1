package no.purreflyt.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.GetDeployedTaskFormCmd;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * What a person may submit to a task of ours, checked in the engine itself, so that every way in is covered: Tasklist
 * (the webapps' own engine API), the engine REST API under any of its paths, and whatever else completes a task with
 * a logged-in user.
 * <ul>
 *   <li>only the keys of the task's Camunda Form are taken. Anything else would become a process variable of the case
 *   and could overwrite what routes it ({@code caseId}, {@code noticeId}, a decision already made);</li>
 *   <li>a value our complete listener refuses ({@link FormValues}: no decision, a date in the past) is the person's
 *   mistake. The engine wraps a listener's exception (ENGINE-03051), which both REST fronts answer with 500; as a
 *   form field validation error it is the 400 it is, with the listener's sentence.</li>
 * </ul>
 * The engine's own work (jobs, our services) completes tasks without a logged-in user and is not checked.
 */
@Component
class TaskFormGuard extends AbstractProcessEnginePlugin {

    private final ObjectMapper json;

    TaskFormGuard(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setCustomPreCommandInterceptorsTxRequired(
                withGuard(configuration.getCustomPreCommandInterceptorsTxRequired(), configuration));
        configuration.setCustomPreCommandInterceptorsTxRequiresNew(
                withGuard(configuration.getCustomPreCommandInterceptorsTxRequiresNew(), configuration));
    }

    private List<CommandInterceptor> withGuard(List<CommandInterceptor> interceptors, ProcessEngineConfigurationImpl engine) {
        List<CommandInterceptor> all = new ArrayList<>();
        if (interceptors != null) {
            all.addAll(interceptors);
        }
        all.add(new Guard(engine, json));
        return all;
    }

    static final class Guard extends CommandInterceptor {

        private final ProcessEngineConfigurationImpl engine;
        private final ObjectMapper json;

        Guard(ProcessEngineConfigurationImpl engine, ObjectMapper json) {
            this.engine = engine;
            this.json = json;
        }

        @Override
        public <T> T execute(Command<T> command) {
            boolean submission = (command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd)
                    && engine.getIdentityService().getCurrentAuthentication() != null;
            if (!submission) {
                return next.execute(command);
            }
            String taskId = field(command, "taskId");
            if (!taskExists(taskId)) {
                // the engine would answer with a NullValueException, which both REST fronts turn into a 500
                throw new FormFieldValidationException(taskId, "There is no task " + taskId
                        + ": it was completed already, or never was");
            }
            Map<String, Object> values = command instanceof SubmitTaskFormCmd ? field(command, "properties")
                    : field(command, "variables");
            if (values != null && !values.isEmpty()) {
                refuseKeysTheFormDoesNotHave(taskId, values.keySet());
            }
            try {
                return next.execute(command);
            } catch (ProcessEngineException failed) {
                BadUserRequestException refusal = refusalIn(failed);
                if (refusal != null && !(failed instanceof FormFieldValidationException)) {
                    throw new FormFieldValidationException(taskId, refusal.getMessage(), failed);
                }
                throw failed;
            }
        }

        private boolean taskExists(String taskId) {
            return taskId != null && withoutAuthorization(context -> context.getTaskManager().findTaskById(taskId) != null);
        }

        /**
         * Runs a read as the engine itself: whether the person may work on the task is the engine's question, and a guard
         * that a missing read permission switched off would be none.
         */
        private <T> T withoutAuthorization(Command<T> read) {
            return engine.getCommandExecutorTxRequired().execute(context -> {
                boolean checking = context.isAuthorizationCheckEnabled();
                context.disableAuthorizationCheck();
                try {
                    return read.execute(context);
                } finally {
                    context.setAuthorizationCheckEnabled(checking);
                }
            });
        }

        private void refuseKeysTheFormDoesNotHave(String taskId, Set<String> submitted) {
            Set<String> keys = formKeys(taskId);
            if (keys == null) {
                return;
            }
            List<String> unknown = new ArrayList<>();
            for (String name : submitted) {
                if (!keys.contains(name)) {
                    unknown.add(name.length() > 100 ? name.substring(0, 100) + "…" : name);
                }
            }
            if (!unknown.isEmpty()) {
                // the REST API puts "Cannot submit task form {id}: " in front
                throw new FormFieldValidationException(taskId, unknown
                        + (unknown.size() == 1 ? " is no field" : " are no fields") + " of its form; it has " + keys);
            }
        }

        /**
         * The keys of the task's deployed Camunda Form; null when it has no Camunda Form (the engine answers that itself).
         */
        private Set<String> formKeys(String taskId) {
            try (InputStream form = withoutAuthorization(new GetDeployedTaskFormCmd(taskId))) {
                Set<String> keys = new TreeSet<>();
                collect(json.readTree(form), keys);
                return keys;
            } catch (RuntimeException | IOException noCamundaForm) {
                // another kind of form
                return null;
            }
        }

        private static void collect(JsonNode component, Set<String> keys) {
            if (component.hasNonNull("key") && component.path("type").isTextual()) {
                keys.add(component.path("key").asText());
            }
            component.path("components").forEach(child -> collect(child, keys));
        }

        private static BadUserRequestException refusalIn(Throwable failed) {
            for (Throwable cause = failed; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
                if (cause instanceof BadUserRequestException refusal) {
                    return refusal;
                }
            }
            return null;
        }

        /** The command's own fields: the engine offers no getter for what a completion carries. */
        @SuppressWarnings("unchecked")
        private static <V> V field(Object command, String name) {
            for (Class<?> type = command.getClass(); type != null; type = type.getSuperclass()) {
                try {
                    Field field = type.getDeclaredField(name);
                    field.setAccessible(true);
                    return (V) field.get(command);
                } catch (NoSuchFieldException e) {
                    // a subclass (ResolveTaskCmd): look in its parent
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("Cannot read " + name + " of " + command.getClass().getName(), e);
                }
            }
            throw new IllegalStateException(command.getClass().getName() + " has no field " + name
                    + "; the Camunda version changed and TaskFormGuard must follow it");
        }
    }
}

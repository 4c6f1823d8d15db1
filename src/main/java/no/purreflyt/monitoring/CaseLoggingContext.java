package no.purreflyt.monitoring;

import no.purreflyt.process.ProcessVariables;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.BaseDelegateExecution;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.delegate.DefaultDelegateInterceptor;
import org.camunda.bpm.engine.impl.delegate.DelegateInvocation;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.interceptor.DelegateInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * Puts the case's invoice number and case id into the MDC while the engine runs our code for it (a delegate, a
 * listener, an expression), whether from a job, a REST call or a task completion, and takes them out afterwards. When
 * that code fails, they stay until the engine's command ends, so that the engine's own report of the failure carries
 * them too.
 *
 * <p>A delegate interceptor rather than a listener on each element: the engine calls it around every piece of user
 * code, so a delegate added to the model later is covered without anyone remembering it.
 */
@Component
class CaseLoggingContext extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(CaseLoggingContext.class);

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        DelegateInterceptor next = configuration.getDelegateInterceptor() != null
                ? configuration.getDelegateInterceptor() : new DefaultDelegateInterceptor();
        configuration.setDelegateInterceptor(invocation -> around(invocation, next));
        // outermost of every command, so that what a failed delegate left is gone when the command is
        configuration.setCustomPreCommandInterceptorsTxRequired(withRestore(
                configuration.getCustomPreCommandInterceptorsTxRequired()));
        configuration.setCustomPreCommandInterceptorsTxRequiresNew(withRestore(
                configuration.getCustomPreCommandInterceptorsTxRequiresNew()));
    }

    private static List<CommandInterceptor> withRestore(List<CommandInterceptor> interceptors) {
        List<CommandInterceptor> all = new ArrayList<>();
        all.add(new RestoreAfterCommand());
        if (interceptors != null) {
            all.addAll(interceptors);
        }
        return all;
    }

    static void around(DelegateInvocation invocation, DelegateInterceptor next) throws Exception {
        BaseDelegateExecution execution = invocation.getContextExecution();
        if (execution == null) {
            next.handleInvocation(invocation);
            return;
        }
        String invoiceBefore = MDC.get(LogKeys.INVOICE_NUMBER);
        String caseBefore = MDC.get(LogKeys.CASE_ID);
        put(execution);
        try {
            next.handleInvocation(invocation);
        } catch (BpmnError handledByTheModel) {
            restore(LogKeys.INVOICE_NUMBER, invoiceBefore);
            restore(LogKeys.CASE_ID, caseBefore);
            throw handledByTheModel;
        } catch (Exception | Error failed) {
            // the failure ends the command, whose report of it (ENGINE-16004) comes after this: it keeps the case;
            // RestoreAfterCommand clears it when the command is over
            throw failed;
        }
        restore(LogKeys.INVOICE_NUMBER, invoiceBefore);
        restore(LogKeys.CASE_ID, caseBefore);
    }

    /** Gives the MDC keys back as they were before the command, also when it failed. */
    private static final class RestoreAfterCommand extends CommandInterceptor {

        @Override
        public <T> T execute(Command<T> command) {
            String invoiceBefore = MDC.get(LogKeys.INVOICE_NUMBER);
            String caseBefore = MDC.get(LogKeys.CASE_ID);
            try {
                return next.execute(command);
            } finally {
                restore(LogKeys.INVOICE_NUMBER, invoiceBefore);
                restore(LogKeys.CASE_ID, caseBefore);
            }
        }
    }

    private static void put(BaseDelegateExecution execution) {
        try {
            // the business key is the invoice number (CaseStarter); the variable covers an instance started without one
            String invoice = execution instanceof DelegateExecution process ? process.getProcessBusinessKey()
                    : execution.getBusinessKey();
            if (invoice == null) {
                invoice = ProcessVariables.INVOICE_NUMBER.from(execution);
            }
            Long caseId = ProcessVariables.CASE_ID.from(execution);
            if (invoice != null) {
                MDC.put(LogKeys.INVOICE_NUMBER, invoice);
            }
            if (caseId != null) {
                MDC.put(LogKeys.CASE_ID, caseId.toString());
            }
        } catch (RuntimeException unreadable) {
            // the log's context must never fail the case's step
            log.debug("No logging context for execution {}: {}", execution.getId(), unreadable.toString());
        }
    }

    private static void restore(String key, String value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }
}

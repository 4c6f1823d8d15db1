package no.purreflyt.process;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * Every process variable of the dunning process, declared once and typed. Variables hold references and
 * routing facts only; business data lives in our tables.
 *
 * <pre>{@code CASE_ID.from(execution); STAGE.on(execution).set("CLOSED");}</pre>
 */
public final class ProcessVariables {

    public static final Variable<String> INVOICE_NUMBER = new Variable<>("invoiceNumber", String.class);
    public static final Variable<Long> CASE_ID = new Variable<>("caseId", Long.class);
    public static final Variable<String> CUSTOMER = new Variable<>("customer", String.class);
    public static final Variable<String> CUSTOMER_EXTERNAL_ID = new Variable<>("customerExternalId", String.class);
    /** Where the case is, in words a manager searches for in Cockpit (see {@link Stage}). */
    public static final Variable<String> STAGE = new Variable<>("stage", String.class);

    /** The stages a case passes through, as stored in the {@code stage} variable and column. */
    public static final class Stage {
        public static final String AWAITING_PAYMENT = "AWAITING_PAYMENT";
        public static final String CLOSED = "CLOSED";

        private Stage() {
        }
    }

    /** A typed process variable. */
    public record Variable<T>(String name, Class<T> type) {

        /** The value, or null where it is not set. */
        public T from(VariableScope scope) {
            Object value = scope.getVariable(name);
            if (value != null && !type.isInstance(value)) {
                throw new IllegalStateException("Process variable " + name + " holds a " + value.getClass().getSimpleName()
                        + ", expected " + type.getSimpleName());
            }
            return type.cast(value);
        }

        public T required(VariableScope scope) {
            T value = from(scope);
            if (value == null) {
                throw new IllegalStateException("Process variable " + name + " is not set");
            }
            return value;
        }

        public Writer<T> on(VariableScope scope) {
            return value -> scope.setVariable(name, value);
        }

        /** Adds the value to variables given when a process instance starts. */
        public VariableMap with(VariableMap variables, T value) {
            return variables.putValue(name, value);
        }
    }

    @FunctionalInterface
    public interface Writer<T> {
        void set(T value);
    }

    private ProcessVariables() {
    }
}

package no.purreflyt.monitoring;

/**
 * The MDC keys our log lines carry: a pattern shows them, the structured formats (ECS, Logstash) write them as JSON
 * fields. The engine writes a case's business key, which is its invoice number, under the same key
 * (camunda.bpm.generic-properties.properties.logging-context-business-key in application.yaml).
 */
public final class LogKeys {

    public static final String INVOICE_NUMBER = "invoiceNumber";
    public static final String CASE_ID = "caseId";

    private LogKeys() {
    }
}

package no.purreflyt.web;

import java.util.List;

/** The groups of Camunda's identity service that Purreflyt's people belong to. */
public final class Groups {

    public static final String CREDIT_CONTROLLERS = "credit-controllers";
    public static final String CREDIT_MANAGERS = "credit-managers";
    public static final String PROCESS_DESIGNERS = "process-designers";
    /**
     * The accounting systems that feed the ledger and read the postings through the API: system users with no
     * Camunda application and no task.
     */
    public static final String ACCOUNTING_SYSTEMS = "accounting-systems";
    public static final String CAMUNDA_ADMIN = "camunda-admin";

    public static final List<String> ALL = List.of(CREDIT_CONTROLLERS, CREDIT_MANAGERS, PROCESS_DESIGNERS, ACCOUNTING_SYSTEMS,
            CAMUNDA_ADMIN);

    private Groups() {
    }
}

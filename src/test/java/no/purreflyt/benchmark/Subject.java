package no.purreflyt.benchmark;

import java.time.Instant;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * What the scenario drives: Purreflyt itself, or the bare engine running a model of the same shape with no-op delegates.
 * Both keep their cases in a Camunda schema on PostgreSQL, so the scenario reads their jobs with the same SQL; the
 * business key of case {@code i} is {@link #invoiceNumber(int)} in both.
 */
interface Subject extends AutoCloseable {

    String name();

    ProcessEngineConfigurationImpl engine();

    DataSource dataSource();

    /** Writes {@code cases} customers with one overdue invoice each (nothing for the bare engine). */
    void load(int cases);

    /** Starts a case for every overdue invoice; answers how many started. */
    int startCases();

    /** Moves the business clock (and the engine's) to the moment. */
    void moveClockTo(Instant moment);

    /**
     * The full payment of case {@code i}'s claim as the accounting system would record it, ready to run: the caller
     * times running it (looking up what is owed is not part of it).
     */
    Runnable payment(int i);

    /** Completes a credit controller's "approve handover" task with the decision to hand over. */
    void approveHandover(String taskId);

    /** What the run left behind, for the results' second table (notices by kind, handovers, e-mails received…). */
    Map<String, Long> outcome();

    @Override
    void close();

    static String invoiceNumber(int i) {
        return String.format("BM-%07d", i);
    }
}

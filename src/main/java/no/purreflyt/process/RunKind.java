package no.purreflyt.process;

/** What started a run of the case starter. */
public enum RunKind {
    /** the daily run at the configured time of day */
    SCHEDULED,
    /** {@code POST /api/dunning-runs} */
    MANUAL,
    /** once at start-up of the embedded demo */
    STARTUP
}

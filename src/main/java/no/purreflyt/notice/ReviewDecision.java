package no.purreflyt.notice;

/** A credit controller's decision on a prepared notice (Tasklist: Review notice). */
public enum ReviewDecision {
    SEND, SEND_WITHOUT_FEE, POSTPONE, STOP
}

package no.purreflyt.notice;

/** Where a notice is in its life. */
public enum NoticeStatus {
    /** computed and stored; waits for review or delivery */
    PREPARED,
    /** handed to its channel (e-mail or the print queue) */
    DELIVERED,
    /** the law refused the step on the day it was due; nothing was sent */
    SKIPPED,
    /** a credit controller stopped it at review */
    CANCELLED
}

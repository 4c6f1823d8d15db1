package no.purreflyt.notice;

/** The law does not allow the notice on the day it was to be prepared; the step is recorded as skipped. */
public class NoticeRefusedException extends RuntimeException {

    public NoticeRefusedException(String message) {
        super(message);
    }
}

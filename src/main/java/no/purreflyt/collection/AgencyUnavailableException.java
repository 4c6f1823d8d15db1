package no.purreflyt.collection;

/**
 * The agency did not take a message (an error status, no answer in time, unreachable). Its message is the sentence an
 * operator reads in the Cockpit incident once the job's retries are used up.
 */
public class AgencyUnavailableException extends RuntimeException {

    public AgencyUnavailableException(String message) {
        super(message);
    }

    public AgencyUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}

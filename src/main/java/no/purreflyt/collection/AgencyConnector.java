package no.purreflyt.collection;

/**
 * How messages reach one collection agency. Called from an async Camunda job (retried, then an incident), so a
 * message may be sent more than once: the agency recognises a repeat by its {@link AgencyMessage#messageId()}.
 */
public interface AgencyConnector {

    /**
     * Sends (or, for a FILE agency, stores for the next batch in the caller's transaction) the message.
     *
     * @throws AgencyUnavailableException when the agency did not accept it; the message is a sentence for the
     *                                    operator who reads the incident
     */
    void send(AgencyMessage message);
}

package no.purreflyt.notice;

/**
 * An earlier attempt handed a notice's e-mail to the relay, but whether the relay took it was never recorded (the
 * server stopped in between). Sending again could send it twice, so a person checks the relay's log for the
 * Message-ID and says what happened ({@code POST /api/notices/{id}/delivery-outcome}); until then the delivery job
 * fails and ends as an incident.
 */
public class DeliveryUncertainException extends RuntimeException {

    public DeliveryUncertainException(String message) {
        super(message);
    }
}

package no.purreflyt.notice;

/** The debtor has neither an e-mail address nor a full postal address: a person must fix the contact data. */
public class NoContactAddressException extends RuntimeException {

    public NoContactAddressException(String message) {
        super(message);
    }
}

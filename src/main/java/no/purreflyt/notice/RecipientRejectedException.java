package no.purreflyt.notice;

/** The mail relay refused the debtor's e-mail address: a person must fix the contact data. */
public class RecipientRejectedException extends NoContactAddressException {

    public RecipientRejectedException(String message) {
        super(message);
    }
}

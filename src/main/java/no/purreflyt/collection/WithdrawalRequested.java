package no.purreflyt.collection;

/**
 * Published inside the transaction of a withdrawal asked for through the API: the case takes the claim back from the
 * agency (the process tells the agency in a job of its own). A case that cannot take the message refuses the request.
 *
 * @param reason why, and who asked
 */
public record WithdrawalRequested(String invoiceNumber, long caseId, String reason) {
}

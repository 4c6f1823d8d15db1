package no.purreflyt.notice;

import no.purreflyt.ledger.Customer;

/**
 * Where a prepared notice goes out: the debtor's e-mail, or the print queue for a letter by post. The delivery step of
 * the process calls it after a transaction boundary, with retries and then an incident, so an implementation may fail
 * (relay down) and is called again; it must not send a notice twice that it has already handed over.
 */
public interface NoticeChannel {

    /** Hands the notice over; answers the channel it went by ("EMAIL" or "POST"). */
    String deliver(Notice notice, Customer debtor);
}

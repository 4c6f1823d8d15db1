package no.purreflyt.notice;

import no.purreflyt.ledger.Customer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The channel until letters are rendered and mailed: records that the notice is ready for the debtor's channel
 * (e-mail where the debtor has an address, else post) without sending anything.
 */
@Component
class RecordOnlyChannel implements NoticeChannel {

    private static final Logger log = LoggerFactory.getLogger(RecordOnlyChannel.class);

    @Override
    public String deliver(Notice notice, Customer debtor) {
        String channel = debtor.email() != null ? "EMAIL" : "POST";
        log.info("Notice {} ({} no. {} of case {}) ready for {}", notice.id(), notice.kind(), notice.sequence(),
                notice.caseId(), channel);
        return channel;
    }
}

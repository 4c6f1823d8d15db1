package no.purreflyt.rules;

import java.time.LocalDate;
import java.util.List;

import no.purreflyt.ledger.Country;
import no.purreflyt.ledger.CustomerType;

/**
 * A question to the fee rules: may this notice be sent on this date, and with which fee?
 *
 * @param deadline   the payment deadline the notice gives, or null for a free reminder without one
 * @param history    the notices already sent on the claim, in any order
 * @param feeAgreed  Sweden: whether a påminnelseavgift was agreed when the debt arose
 */
public record FeeRequest(
        Country country,
        CustomerType debtorType,
        NoticeKind kind,
        LocalDate dueDate,
        LocalDate sendDate,
        LocalDate deadline,
        List<SentNotice> history,
        boolean feeAgreed) {

    public FeeRequest {
        history = List.copyOf(history);
    }
}

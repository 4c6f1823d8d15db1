package no.purreflyt.rules;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import no.purreflyt.ledger.Country;

/**
 * The dates of steps: the earliest day the law lets a notice go out with its fee, and deadlines. Purreflyt's own
 * conservative rule on top: notices go out on business days only, and a deadline that falls on a weekend or a
 * public holiday of the debtor's country moves to the next business day.
 */
public final class StepDates {

    private final BusinessCalendar calendar;

    public StepDates(BusinessCalendar calendar) {
        this.calendar = calendar;
    }

    /**
     * The first day (not yet moved to a business day) on which this notice may be sent carrying the fee the law
     * allows it, given the notices already sent.
     */
    public LocalDate earliestLegal(NoticeKind kind, LocalDate dueDate, List<SentNotice> history, boolean chargeFee) {
        // a purring without a fee is a free reminder in law
        return !chargeFee && FeeRules.isPurring(kind) ? dueDate.plusDays(1) : earliestLegal(kind, dueDate, history);
    }

    public LocalDate earliestLegal(NoticeKind kind, LocalDate dueDate, List<SentNotice> history) {
        LocalDate afterDue = dueDate.plusDays(1);
        LocalDate feeDay = dueDate.plusDays(FeeRules.FEE_DAYS_AFTER_DUE);
        return switch (kind) {
            case REMINDER, PAMINNELSE, INKASSOKRAV, INTEREST_INVOICE -> afterDue;
            // a second fee needs the first one's deadline to have passed
            case PURRING, INKASSOVARSEL -> latest(feeDay, dayAfterLastFeeDeadline(history));
            case BETALINGSOPPFORDRING -> history.stream()
                    .filter(n -> n.kind() == NoticeKind.INKASSOVARSEL && n.deadline() != null)
                    .map(n -> n.deadline().plusDays(1)).min(Comparator.naturalOrder())
                    .orElse(null);
        };
    }

    /** The first business day on or after the date, in the debtor's country. */
    public LocalDate sendingDay(Country country, LocalDate date) {
        return calendar.onOrAfter(country, date);
    }

    /** {@code days} after sending, moved to the next business day when it falls on a closed day. */
    public LocalDate deadline(Country country, LocalDate sent, int days) {
        return calendar.onOrAfter(country, sent.plusDays(days));
    }

    private static LocalDate dayAfterLastFeeDeadline(List<SentNotice> history) {
        return history.stream().filter(n -> n.deadline() != null && n.charged())
                .map(n -> n.deadline().plusDays(1)).max(Comparator.naturalOrder()).orElse(null);
    }

    static LocalDate latest(LocalDate... dates) {
        LocalDate latest = null;
        for (LocalDate date : dates) {
            if (date != null && (latest == null || date.isAfter(latest))) {
                latest = date;
            }
        }
        return latest;
    }
}

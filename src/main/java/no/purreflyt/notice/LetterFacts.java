package no.purreflyt.notice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import no.purreflyt.ledger.Customer;
import no.purreflyt.ledger.Invoice;
import no.purreflyt.rules.Claim;
import no.purreflyt.rules.SentNotice;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.purreflyt.ledger.Country;
import no.purreflyt.ledger.CustomerType;
import no.purreflyt.ledger.Language;
import no.purreflyt.rules.InterestLine;
import no.purreflyt.rules.NoticeKind;

/**
 * Everything a letter states, before it is worded: who writes to whom about which invoice, the claim line by line
 * (principal, interest per rate period, each fee, compensation, total), the deadline and how to pay. The templates
 * see it as a tree of ready-formatted strings ({@link #model()}), so a template text can word it but never compute.
 *
 * @param letterKind   the legal kind of the letter (INKASSOVARSEL or INKASSOKRAV, PURRING or PAMINNELSE,
 *                     INTEREST_INVOICE …)
 * @param interest     the interest the lines add up to; in an interest invoice whose interest was partly paid, more
 *                     than the total, and the letter states the difference as paid
 * @param fees         each fee the letter claims, earlier notices' first, this letter's own last
 * @param compensation the business debtor's standard compensation beyond the fees (zero for none)
 */
record LetterFacts(
        TemplateKind kind,
        NoticeKind letterKind,
        Integer sequence,
        Language language,
        Country country,
        CustomerType debtorType,
        CreditorProperties creditor,
        Debtor debtor,
        InvoiceFacts invoice,
        LocalDate letterDate,
        LocalDate deadline,
        String currency,
        BigDecimal principal,
        List<InterestLine> interestLines,
        BigDecimal interest,
        List<Fee> fees,
        BigDecimal compensation,
        BigDecimal total,
        boolean feeWaived) {

    record Debtor(String customerNumber, String name, List<String> address, String email) {
    }

    record InvoiceFacts(String number, LocalDate issueDate, LocalDate dueDate, BigDecimal amount, String kid) {
    }

    /** A fee of a notice of the case: its kind, its number among its kind, the day it was charged. */
    record Fee(NoticeKind kind, Integer sequence, LocalDate charged, BigDecimal amount, boolean thisLetter) {
    }

    /**
     * The facts of a notice on its sending day: the claim it states, with each fee of the case on its own line (the
     * earlier notices' in the order they were sent, numbered within their kind, then this notice's own, if any).
     *
     * @param sentBefore the case's notices sent before this one
     */
    static LetterFacts of(Notice notice, Claim claim, List<SentNotice> sentBefore, Invoice invoice, Customer debtor,
            CreditorProperties creditor) {
        if (notice.interestInvoice()) {
            // interest alone: the principal and the fees were paid before it is written, and it claims them no more
            return with(notice, claim, invoice, debtor, creditor, List.of(), claim.interest().total());
        }
        List<Fee> fees = new ArrayList<>();
        Map<NoticeKind, Integer> counts = new EnumMap<>(NoticeKind.class);
        for (SentNotice sent : sentBefore) {
            int sequence = counts.merge(sent.kind(), 1, Integer::sum);
            if (sent.charged() && !sent.sentOn().isAfter(notice.sendDate())) {
                fees.add(new Fee(sent.kind(), sequence, sent.sentOn(), sent.fee(), false));
            }
        }
        if (notice.fee().signum() > 0) {
            fees.add(new Fee(notice.kind(), notice.sequence(), notice.sendDate(), notice.fee(), true));
        }
        return with(notice, claim, invoice, debtor, creditor, fees, notice.interest());
    }

    private static LetterFacts with(Notice notice, Claim claim, Invoice invoice, Customer debtor,
            CreditorProperties creditor, List<Fee> fees, BigDecimal interest) {
        List<String> address = new ArrayList<>();
        Customer.Address a = debtor.address();
        if (a != null) {
            Stream.of(a.line1(), a.line2()).filter(line -> line != null && !line.isBlank()).forEach(address::add);
            String place = Stream.of(a.postalCode(), a.city()).filter(p -> p != null && !p.isBlank())
                    .collect(Collectors.joining(" "));
            if (!place.isEmpty()) {
                address.add(place);
            }
        }
        return new LetterFacts(TemplateKind.of(notice), notice.kind(), notice.sequence(),
                debtor.language() != null ? debtor.language() : debtor.country().defaultLanguage(), debtor.country(),
                debtor.type(), creditor,
                new Debtor(debtor.externalId(), debtor.name(), address, debtor.email()),
                new InvoiceFacts(invoice.number(), invoice.issueDate(), invoice.dueDate(), invoice.amount(), invoice.kid()),
                notice.sendDate(), notice.deadline(), notice.currency(), notice.principal(), claim.interest().lines(),
                interest, fees, notice.compensation(), notice.total(), notice.feeWaived());
    }

    /** The template's data model. */
    Map<String, Object> model() {
        LetterFormat f = new LetterFormat(language);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("lang", language.code());
        m.put("kind", kind.name());
        m.put("letterKind", letterKind == null ? kind.name() : letterKind.name());
        m.put("country", country.name());
        m.put("business", debtorType == CustomerType.BUSINESS);
        if (sequence != null) {
            m.put("sequence", sequence);
        }
        m.put("letterDate", f.date(letterDate));
        m.put("deadline", f.date(deadline));
        m.put("currency", currency);
        m.put("principal", f.money(principal));
        m.put("interest", f.money(interest));
        m.put("interestLines", interestLines.stream().map(line -> Map.of(
                "from", f.date(line.from()),
                "to", f.date(line.to()),
                "days", line.days(),
                "rate", f.percent(line.ratePercent()),
                "principal", f.money(line.principal()),
                "amount", f.money(line.amount()))).toList());
        List<Map<String, Object>> feeLines = new ArrayList<>();
        for (Fee fee : fees) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("kind", fee.kind().name());
            line.put("sequence", fee.sequence() == null ? 0 : fee.sequence());
            line.put("date", f.date(fee.charged()));
            line.put("amount", f.money(fee.amount()));
            line.put("thisLetter", fee.thisLetter());
            feeLines.add(line);
        }
        m.put("fees", feeLines);
        m.put("hasCompensation", compensation.signum() > 0);
        m.put("compensation", f.money(compensation));
        // what payments beyond the principal covered: the lines above less the total (the claim already counts it)
        BigDecimal paid = principal.add(interest).add(compensation)
                .add(fees.stream().map(Fee::amount).reduce(BigDecimal.ZERO, BigDecimal::add)).subtract(total)
                .max(BigDecimal.ZERO);
        m.put("hasPaid", paid.signum() > 0);
        m.put("paid", f.money(paid));
        m.put("total", f.money(total));
        m.put("feeWaived", feeWaived);
        m.put("invoice", Map.of(
                "number", invoice.number(),
                "issueDate", f.date(invoice.issueDate()),
                "dueDate", f.date(invoice.dueDate()),
                "amount", f.money(invoice.amount())));
        boolean hasKid = invoice.kid() != null && !invoice.kid().isBlank();
        m.put("hasKid", hasKid);
        m.put("paymentReference", hasKid ? invoice.kid() : invoice.number());
        m.put("debtor", Map.of(
                "customerNumber", debtor.customerNumber(),
                "name", debtor.name(),
                "address", debtor.address(),
                "email", debtor.email() == null ? "" : debtor.email()));
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", creditor.name());
        c.put("organisationNumber", creditor.organisationNumber());
        c.put("address", creditor.address());
        c.put("bankAccount", creditor.bankAccount());
        c.put("iban", nullToEmpty(creditor.iban()));
        c.put("bic", nullToEmpty(creditor.bic()));
        c.put("phone", creditor.phone());
        c.put("email", creditor.email());
        c.put("website", nullToEmpty(creditor.website()));
        c.put("logo", "");
        m.put("creditor", c);
        return m;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}

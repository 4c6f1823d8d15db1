package no.purreflyt.notice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import no.purreflyt.ledger.Country;
import no.purreflyt.ledger.CustomerType;
import no.purreflyt.ledger.Language;
import no.purreflyt.rules.Confidence;
import no.purreflyt.rules.InterestLine;
import no.purreflyt.rules.NoticeKind;
import no.purreflyt.rules.StepKind;

/**
 * A made-up letter of each kind, for a debtor in Norway and one in Sweden, on which an edited template text is tried
 * before it is saved; and the check that a rendered letter still says what the law asks of it.
 */
final class SampleLetters {

    private SampleLetters() {
    }

    /**
     * Invoice S-1001 of 1 000,00, due 2026-02-01, written on 2026-03-02 with a deadline of 2026-03-16: 29 days of
     * interest at 12,00 % (Norway) or 10,00 % (Sweden), and the fees the kind charges.
     */
    static LetterFacts facts(TemplateKind kind, Language language, Country country, CreditorProperties creditor) {
        NoticeKind letterKind = switch (kind) {
            case REMINDER -> NoticeKind.REMINDER;
            case PURRING -> StepKind.PURRING.noticeIn(country);
            case INKASSOVARSEL -> StepKind.INKASSOVARSEL.noticeIn(country);
            case INTEREST_INVOICE -> NoticeKind.INTEREST_INVOICE;
        };
        BigDecimal principal = new BigDecimal("1000.00");
        BigDecimal rate = country == Country.NO ? new BigDecimal("12.00") : new BigDecimal("10.00");
        // 1000.00 x 12.00 % x 29/365 = 9.53; 1000.00 x 10.00 % x 29/365 = 7.95
        BigDecimal interest = country == Country.NO ? new BigDecimal("9.53") : new BigDecimal("7.95");
        List<InterestLine> lines = List.of(new InterestLine(LocalDate.of(2026, 2, 2), LocalDate.of(2026, 3, 2), 29,
                principal, rate, 365, interest, "sample", Confidence.LAW));
        List<LetterFacts.Fee> fees = new ArrayList<>();
        BigDecimal fee = country == Country.NO ? new BigDecimal("38.00") : new BigDecimal("60.00");
        if (kind == TemplateKind.INKASSOVARSEL) {
            fees.add(new LetterFacts.Fee(StepKind.PURRING.noticeIn(country), 1, LocalDate.of(2026, 2, 16), fee, false));
            fees.add(new LetterFacts.Fee(letterKind, 1, LocalDate.of(2026, 3, 2),
                    country == Country.NO ? fee : new BigDecimal("180.00"), true));
        } else if (kind == TemplateKind.PURRING) {
            fees.add(new LetterFacts.Fee(letterKind, 1, LocalDate.of(2026, 3, 2), fee, true));
        }
        BigDecimal feeSum = fees.stream().map(LetterFacts.Fee::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal total = kind == TemplateKind.INTEREST_INVOICE ? interest : principal.add(interest).add(feeSum);
        LetterFacts.Debtor debtor = country == Country.NO
                ? new LetterFacts.Debtor("K-10", "Kari Nordmann", List.of("Storgata 1", "0155 Oslo"), "kari@example.no")
                : new LetterFacts.Debtor("K-20", "Sven Svensson", List.of("Storgatan 1", "111 22 Stockholm"),
                        "sven@example.se");
        return new LetterFacts(kind, letterKind, kind == TemplateKind.INTEREST_INVOICE ? null : 1, language, country,
                CustomerType.CONSUMER, creditor, debtor,
                new LetterFacts.InvoiceFacts("S-1001", LocalDate.of(2026, 1, 15), LocalDate.of(2026, 2, 1), principal,
                        country == Country.NO ? "0010010012345" : "1234567890"),
                LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 16), country.currency(), principal, lines, interest,
                fees, BigDecimal.ZERO.setScale(2), total, false);
    }

    /**
     * What every letter must state, read from its plain text: who claims, for which invoice, the amounts (each fee on
     * its own), the deadline and how to pay; an inkassovarsel is headed "Inkassovarsel" and never
     * says "purring".
     *
     * @throws TemplateProblemException naming what is missing
     */
    static void checkLegalContent(String templateName, LetterFacts facts, RenderedLetter letter) {
        LetterFormat f = new LetterFormat(facts.language());
        String text = letter.text().replace('\u00a0', ' ');
        List<String> missing = new ArrayList<>();
        require(text, facts.creditor().name(), "the creditor's name", missing);
        require(text, facts.creditor().organisationNumber(), "the creditor's organisation number", missing);
        require(text, facts.invoice().number(), "the invoice number", missing);
        require(text, f.date(facts.invoice().issueDate()), "the invoice date", missing);
        if (facts.kind() != TemplateKind.INTEREST_INVOICE) {
            require(text, f.money(facts.principal()), "the principal", missing);
        }
        for (InterestLine line : facts.interestLines()) {
            require(text, f.percent(line.ratePercent()), "the interest rate", missing);
            require(text, f.date(line.from()), "the date interest runs from", missing);
        }
        for (LetterFacts.Fee fee : facts.fees()) {
            require(text, f.money(fee.amount()), "each fee on its own line", missing);
        }
        require(text, f.money(facts.total()), "the total", missing);
        require(text, f.date(facts.deadline()), "the deadline", missing);
        require(text, facts.creditor().bankAccount(), "the account to pay to", missing);
        require(text, facts.invoice().kid(), "the payment reference (KID/OCR)", missing);
        require(text, facts.creditor().phone(), "the creditor's phone", missing);
        String lower = text.toLowerCase(Locale.ROOT);
        if (facts.letterKind() == NoticeKind.INKASSOVARSEL) {
            if (!letter.subject().contains("Inkassovarsel")) {
                missing.add("the heading \"Inkassovarsel\" (inkassoloven § 9)");
            }
            if (lower.contains("purring")) {
                throw new TemplateProblemException(templateName, null, null, "an inkassovarsel must never say "
                        + "\"purring\" (inkassoloven § 9, good collection practice); the sample letter does");
            }
        }
        if (!missing.isEmpty()) {
            throw new TemplateProblemException(templateName, null, null, "the sample " + country(facts)
                    + " letter no longer states " + String.join(", ", missing));
        }
    }

    private static String country(LetterFacts facts) {
        return facts.country() == Country.NO ? "Norwegian" : "Swedish";
    }

    private static void require(String text, String value, String what, List<String> missing) {
        if (value != null && !value.isBlank() && !text.contains(value.replace('\u00a0', ' '))) {
            missing.add(what + " (" + value.replace('\u00a0', ' ') + ")");
        }
    }
}

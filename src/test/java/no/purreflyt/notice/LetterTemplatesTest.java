package no.purreflyt.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import no.purreflyt.ledger.Country;
import no.purreflyt.ledger.CustomerType;
import no.purreflyt.ledger.Language;
import no.purreflyt.rules.Confidence;
import no.purreflyt.rules.InterestLine;
import no.purreflyt.rules.NoticeKind;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LetterTemplatesTest {

    static final CreditorProperties CREDITOR = new CreditorProperties("Fjord Fisk AS", "987 654 321",
            List.of("Bryggen 5", "5003 Bergen"), "1234.56.78903", "NO9312345678903", "DNBANOKK", "+47 55 00 00 00",
            "faktura@fjordfisk.no", null, null);

    final LetterTemplates templates = new LetterTemplates(null);

    static List<Arguments> everyTemplateAndCountry() {
        return java.util.Arrays.stream(TemplateKind.values()).flatMap(kind -> java.util.Arrays.stream(Language.values())
                .flatMap(language -> java.util.stream.Stream.of(Country.NO, Country.SE)
                        .map(country -> Arguments.of(kind, language, country)))).toList();
    }

    @ParameterizedTest(name = "{0} in {1} to a debtor in {2}")
    @MethodSource("everyTemplateAndCountry")
    void everyBuiltInTemplateStatesWhatTheLawAsksInMailAndPdf(TemplateKind kind, Language language, Country country)
            throws IOException {
        LetterFacts facts = SampleLetters.facts(kind, language, country, CREDITOR);
        RenderedLetter letter = templates.render(templates.fileText(kind, language), facts, null);

        SampleLetters.checkLegalContent(letter.templateVersion(), facts, letter);
        String pdf = pdfText(letter.pdf());
        LetterFormat f = new LetterFormat(language);
        assertThat(pdf).contains(f.money(facts.total()).replace('\u00a0', ' '), f.date(facts.deadline()),
                facts.invoice().number(), facts.invoice().kid(), CREDITOR.bankAccount(), "Kari Nordmann".equals(
                        facts.debtor().name()) ? "Storgata 1" : "Storgatan 1");
        assertThat(letter.html()).contains("<h1>");
        assertThat(letter.templateVersion()).startsWith(TemplateText.fileName(kind, language).replace(".ftlh", "")
                + " built-in #");
    }

    /**
     * Purring no. 2 to a Norwegian business debtor, sent 2026-03-16 with deadline 2026-03-30, on invoice F-1001 of
     * 12 500,00 due 2026-02-01:
     * interest 12,00 % (2026-H1) from 2026-02-02 through 2026-03-16 = 27 + 16 = 43 days:
     * 12 500,00 x 0.12 x 43 / 365 = 176.7123 -> 176,71;
     * fees: purring 1 (2026-02-16) 38,00 and this purring 38,00;
     * standard compensation 2026-H1 for a business debtor 460,00 less the fees 76,00 = 384,00 (§ 3a, the larger of the
     * two, never both);
     * total 12 500,00 + 176,71 + 38,00 + 38,00 + 384,00 = 13 136,71.
     */
    @Test
    void purringToANorwegianBusinessShowsEachFeeInterestWithRateAndCompensationInThePdf() throws IOException {
        LetterFacts facts = new LetterFacts(TemplateKind.PURRING, NoticeKind.PURRING, 2, Language.NB, Country.NO,
                CustomerType.BUSINESS, CREDITOR,
                new LetterFacts.Debtor("K-7", "Havbruk Nord AS", List.of("Kaiveien 2", "9008 Tromsø"), null),
                new LetterFacts.InvoiceFacts("F-1001", LocalDate.of(2026, 1, 2), LocalDate.of(2026, 2, 1),
                        new BigDecimal("12500.00"), "0010010012345"),
                LocalDate.of(2026, 3, 16), LocalDate.of(2026, 3, 30), "NOK", new BigDecimal("12500.00"),
                List.of(new InterestLine(LocalDate.of(2026, 2, 2), LocalDate.of(2026, 3, 16), 43,
                        new BigDecimal("12500.00"), new BigDecimal("12.00"), 365, new BigDecimal("176.71"), "test",
                        Confidence.LAW)),
                new BigDecimal("176.71"),
                List.of(new LetterFacts.Fee(NoticeKind.PURRING, 1, LocalDate.of(2026, 2, 16), new BigDecimal("38.00"), false),
                        new LetterFacts.Fee(NoticeKind.PURRING, 2, LocalDate.of(2026, 3, 16), new BigDecimal("38.00"), true)),
                new BigDecimal("384.00"), new BigDecimal("13136.71"), false);

        RenderedLetter letter = templates.render(templates.fileText(TemplateKind.PURRING, Language.NB), facts, null);

        assertThat(letter.subject()).isEqualTo("Purring nr. 2 – faktura F-1001");
        String pdf = pdfText(letter.pdf());
        assertThat(pdf).contains("Purring nr. 2", "Hovedstol, faktura F-1001 av 02.01.2026 12 500,00 NOK",
                "Forsinkelsesrente 12,00 % fra 02.02.2026 til 16.03.2026 (43 dager) 176,71 NOK",
                "Purregebyr (brev av 16.02.2026) 38,00 NOK", "Purregebyr 38,00 NOK",
                "Standardkompensasjon (forsinkelsesrenteloven § 3a), utover gebyrene 384,00 NOK",
                "Å betale 13 136,71 NOK", "Betalingsfrist 30.03.2026", "KID 0010010012345",
                "Havbruk Nord AS", "Kaiveien 2", "9008 Tromsø", "Fjord Fisk AS", "987 654 321");
        assertThat(letter.text()).contains("Å betale: 13 136,71 NOK", "Betalingsfrist: 30.03.2026");
        try (PDDocument document = Loader.loadPDF(letter.pdf())) {
            PDRectangle a4 = document.getPage(0).getMediaBox();
            // A4 is 210 x 297 mm = 595.3 x 841.9 points (1 mm = 72 / 25.4 pt)
            assertThat(a4.getWidth()).isCloseTo(595.3f, org.assertj.core.data.Offset.offset(1f));
            assertThat(a4.getHeight()).isCloseTo(841.9f, org.assertj.core.data.Offset.offset(1f));
        }
    }

    /**
     * Purring no. 2 after the debtor paid the principal of 1 000,00 and 20,00 more: principal 0,00, interest 4,93, the
     * two fees 38,00 each; the 20,00 paid beyond the principal goes against them: 0 + 4,93 + 76,00 - 20,00 = 60,93.
     */
    @Test
    void aLetterShowsWhatWasPaidBeyondThePrincipalAgainstTheFees() throws IOException {
        LetterFacts facts = new LetterFacts(TemplateKind.PURRING, NoticeKind.PURRING, 2, Language.NB, Country.NO,
                CustomerType.CONSUMER, CREDITOR, new LetterFacts.Debtor("K-1", "Kari Nordmann", List.of("Storgata 1",
                        "0155 Oslo"), null),
                new LetterFacts.InvoiceFacts("F-1", LocalDate.of(2026, 2, 12), LocalDate.of(2026, 2, 26),
                        new BigDecimal("1000.00"), null),
                LocalDate.of(2026, 3, 30), LocalDate.of(2026, 4, 13), "NOK", new BigDecimal("0.00"), List.of(),
                new BigDecimal("4.93"),
                List.of(new LetterFacts.Fee(NoticeKind.PURRING, 1, LocalDate.of(2026, 3, 13), new BigDecimal("38.00"), false),
                        new LetterFacts.Fee(NoticeKind.PURRING, 2, LocalDate.of(2026, 3, 30), new BigDecimal("38.00"), true)),
                new BigDecimal("0.00"), new BigDecimal("60.93"), false);

        String pdf = pdfText(templates.render(templates.fileText(TemplateKind.PURRING, Language.NB), facts, null).pdf());

        assertThat(pdf).contains("Innbetalt utover hovedstolen -20,00 NOK", "Å betale 60,93 NOK");
    }

    @Test
    void settingALetterAsPdfLogsThroughTheApplicationsLogOnly() {
        LetterFacts facts = SampleLetters.facts(TemplateKind.INKASSOVARSEL, Language.NB, Country.NO, CREDITOR);
        templates.render(templates.fileText(TemplateKind.INKASSOVARSEL, Language.NB), facts, null);

        // openhtmltopdf's default printed "com.openhtmltopdf.load INFO:: TIME: parse stylesheets 52ms" and three more
        // lines per letter through a console handler of its own, outside the application's log format
        java.util.logging.Logger load = java.util.logging.Logger.getLogger(com.openhtmltopdf.util.XRLog.LOAD);
        assertThat(load.isLoggable(java.util.logging.Level.INFO)).isFalse();
        assertThat(load.isLoggable(java.util.logging.Level.WARNING)).isTrue();
        assertThat(load.getUseParentHandlers()).isTrue();
        assertThat(load.getHandlers()).noneMatch(h -> h instanceof java.util.logging.ConsoleHandler);
    }

    @Test
    void anInkassovarselNeverNamesEarlierFeesAsPurring() throws IOException {
        LetterFacts facts = SampleLetters.facts(TemplateKind.INKASSOVARSEL, Language.NB, Country.NO, CREDITOR);
        RenderedLetter letter = templates.render(templates.fileText(TemplateKind.INKASSOVARSEL, Language.NB), facts, null);

        String pdf = pdfText(letter.pdf());
        assertThat(letter.subject()).isEqualTo("Inkassovarsel – faktura S-1001");
        assertThat(pdf).doesNotContainIgnoringCase("purring")
                .contains("Gebyr, brev av 16.02.2026 38,00 NOK", "Gebyr for inkassovarsel 38,00 NOK",
                        "vil det bli sendt til inkasso");
    }

    @Test
    void anEditedInkassovarselThatSaysPurringIsRefused() {
        TemplateText edited = new TemplateText(TemplateKind.INKASSOVARSEL, Language.NB, TemplateText.Origin.API, 1,
                LetterTemplates.builtIn("inkassovarsel_nb.ftlh").replace("<h1>", "<h1>Purring og "));
        LetterFacts facts = SampleLetters.facts(TemplateKind.INKASSOVARSEL, Language.NB, Country.NO, CREDITOR);
        RenderedLetter letter = templates.render(edited, facts, null);

        assertThatThrownBy(() -> SampleLetters.checkLegalContent(edited.fileName(), facts, letter))
                .isInstanceOf(TemplateProblemException.class).hasMessageContaining("never say \"purring\"");
    }

    @Test
    void aTemplateThatDoesNotParseIsReportedWithItsLine() {
        TemplateText broken = new TemplateText(TemplateKind.PURRING, Language.EN, TemplateText.Origin.API, 1,
                "<#import \"lib.ftlh\" as l>\n<h1>Reminder</h1>\n<p>${invoice.number</p>\n");
        LetterFacts facts = SampleLetters.facts(TemplateKind.PURRING, Language.EN, Country.NO, CREDITOR);

        assertThatThrownBy(() -> templates.render(broken, facts, null))
                .isInstanceOfSatisfying(TemplateProblemException.class, problem -> {
                    assertThat(problem.line()).isEqualTo(3);
                    assertThat(problem.template()).isEqualTo("purring_en.ftlh");
                });
    }

    @Test
    void aTemplateThatNamesAnUnknownValueIsReportedWithItsLineAndTheName() {
        TemplateText broken = new TemplateText(TemplateKind.REMINDER, Language.SV, TemplateText.Origin.API, 1,
                "<#import \"lib.ftlh\" as l>\n<h1>Påminnelse</h1>\n\n<p>${invoice.numbr}</p>\n");
        LetterFacts facts = SampleLetters.facts(TemplateKind.REMINDER, Language.SV, Country.SE, CREDITOR);

        assertThatThrownBy(() -> templates.render(broken, facts, null))
                .isInstanceOfSatisfying(TemplateProblemException.class, problem -> {
                    assertThat(problem.line()).isEqualTo(4);
                    assertThat(problem.getMessage()).contains("invoice.numbr");
                });
    }

    @Test
    void aTextCannotRunProgramsOnTheServer() {
        TemplateText hostile = new TemplateText(TemplateKind.REMINDER, Language.EN, TemplateText.Origin.API, 1,
                "<#import \"lib.ftlh\" as l>\n<h1>Reminder</h1>\n"
                        + "<#assign run = \"freemarker.template.utility.Execute\"?new()>${run(\"id\")}\n");
        LetterFacts facts = SampleLetters.facts(TemplateKind.REMINDER, Language.EN, Country.NO, CREDITOR);

        assertThatThrownBy(() -> templates.render(hostile, facts, null))
                .isInstanceOfSatisfying(TemplateProblemException.class, problem -> {
                    assertThat(problem.line()).isEqualTo(3);
                    assertThat(problem.getMessage()).contains("Execute");
                });
    }

    @Test
    void aLetterFetchesNothingFromTheNetworkOrTheDiskWhileItIsSetAsPdf(@TempDir Path directory) throws IOException {
        try (java.net.ServerSocket server = new java.net.ServerSocket(0)) {
            server.setSoTimeout(1);
            String source = LetterTemplates.builtIn("reminder_en.ftlh").replace("<h1>Payment reminder</h1>",
                    "<h1>Payment reminder</h1><img src=\"http://127.0.0.1:" + server.getLocalPort() + "/internal\"/>");
            TemplateText text = new TemplateText(TemplateKind.REMINDER, Language.EN, TemplateText.Origin.API, 1, source);

            RenderedLetter letter = templates.render(text,
                    SampleLetters.facts(TemplateKind.REMINDER, Language.EN, Country.NO, CREDITOR), null);

            assertThat(letter.pdf()).isNotEmpty();
            // the renderer never connected: nothing waits to be accepted
            assertThatThrownBy(server::accept).isInstanceOf(java.net.SocketTimeoutException.class);
        }
    }

    @Test
    void aTextInTheDirectoryReplacesTheBuiltInOne(@TempDir Path directory) throws IOException {
        Files.writeString(directory.resolve("reminder_en.ftlh"), LetterTemplates.builtIn("reminder_en.ftlh")
                .replace("Perhaps it has been overlooked?", "Did it slip your mind?"));
        LetterTemplates withDirectory = new LetterTemplates(directory);
        LetterFacts facts = SampleLetters.facts(TemplateKind.REMINDER, Language.EN, Country.NO, CREDITOR);

        RenderedLetter letter = withDirectory.render(withDirectory.fileText(TemplateKind.REMINDER, Language.EN), facts, null);

        assertThat(letter.text()).contains("Did it slip your mind?");
        assertThat(letter.templateVersion()).contains("reminder_en directory #");
    }

    @Test
    void aBrokenTextInTheTemplateDirectoryStopsTheStartNamingTheFileAndLine(@TempDir Path directory) throws IOException {
        Files.writeString(directory.resolve("purring_sv.ftlh"), "<#import \"lib.ftlh\" as l>\n<h1>Påminnelse</h1>\n"
                + "<#if total>\n");

        assertThatThrownBy(() -> new Letters(new NoticeProperties(directory, null, true, false), null, CREDITOR,
                java.time.Clock.systemUTC()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(directory.resolve("purring_sv.ftlh").toString())
                .hasMessageContaining("line 3");
    }

    @Test
    void aLogoIsEmbeddedInThePdfAndReferredToByContentIdInTheMail() throws IOException {
        // the smallest valid PNG: one transparent pixel
        byte[] png = java.util.Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");
        LetterFacts facts = SampleLetters.facts(TemplateKind.REMINDER, Language.NB, Country.NO, CREDITOR);

        RenderedLetter letter = templates.render(templates.fileText(TemplateKind.REMINDER, Language.NB), facts,
                new LetterTemplates.Logo(png, "image/png"));

        assertThat(letter.html()).contains("src=\"cid:creditor-logo\"");
        try (PDDocument document = Loader.loadPDF(letter.pdf())) {
            assertThat(document.getPage(0).getResources().getXObjectNames()).isNotEmpty();
        }
    }

    static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replace('\u00a0', ' ').replaceAll("[ \\t]+", " ");
        }
    }
}

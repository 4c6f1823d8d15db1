package no.purreflyt.notice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.List;
import no.purreflyt.support.IntegrationTest;
import no.purreflyt.support.TestMail;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Notices leave the house: by e-mail through a real SMTP server (GreenMail) with the PDF letter and the original invoice
 * attached, or by post through the day's print run; and each notice keeps the letter it sent.
 */
class NoticeDeliveryIT extends IntegrationTest {

    static final LocalDate DUE = LocalDate.of(2026, 2, 26);
    static final LocalDate REMINDER_DAY = LocalDate.of(2026, 3, 5);

    @Test
    void aReminderIsEmailedWithItsPdfLetterAndTheUploadedInvoiceAndKeepsWhatItSent() throws Exception {
        customer("NO-1", "CONSUMER", "NO");
        invoice("INV-1", "NO-1", DUE, "1000.00", "NOK");
        ResponseEntity<JsonNode> uploaded = upload("/api/invoices/INV-1/document", onePagePdf());
        assertThat(uploaded.getStatusCode().value()).as("%s", uploaded.getBody()).isEqualTo(200);
        post("/api/dunning-runs", null);

        travelTo(REMINDER_DAY);

        MimeMessage[] received = TestMail.received();
        assertThat(received).hasSize(1);
        MimeMessage mail = received[0];
        assertThat(mail.getSubject()).isEqualTo("Betalingspåminnelse – faktura INV-1");
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("no-1@example.com");
        assertThat(mail.getFrom()[0].toString()).contains("faktura@fjordfisk.example");
        MailSink.Received parts = MailSink.read(0, mail);
        // interest from 2026-02-27 through 2026-03-05, 7 days: 1000.00 x 12.00 % x 7 / 365 = 2.30;
        // a free reminder charges no fee: 1000.00 + 2.30 = 1002.30, deadline 7 days on, 2026-03-12
        assertThat(parts.text()).contains("Å betale: 1 002,30 NOK", "Betalingsfrist: 12.03.2026");
        assertThat(parts.html()).contains("<h1>Betalingspåminnelse</h1>");
        assertThat(parts.attachments()).extracting(MailSink.Attachment::filename)
                .containsExactly("Betalingspåminnelse - faktura INV-1.pdf", "Faktura-INV-1.pdf");
        assertThat(pdfText(parts.attachments().get(0).content())).contains("Betalingspåminnelse", "Customer NO-1",
                "Storgata 1",
                "Forsinkelsesrente 12,00 % fra 27.02.2026 til 05.03.2026 (7 dager) 2,30 NOK", "Å betale 1 002,30 NOK");

        long noticeId = jdbc.sql("select id from notice").query(Long.class).single();
        JsonNode notice = get("/api/notices/" + noticeId).getBody();
        assertThat(notice.path("templateVersion").asText()).startsWith("reminder_nb built-in #");
        assertThat(notice.path("delivery").path("state").asText()).isEqualTo("SENT");
        assertThat(notice.path("delivery").path("messageId").asText()).isEqualTo(mail.getMessageID());
        assertThat(notice.path("notice").path("status").asText()).isEqualTo("DELIVERED");
        ResponseEntity<String> html = as(CONTROLLER).getForEntity("/api/notices/" + noticeId + "/html", String.class);
        assertThat(html.getHeaders().getContentType().toString()).startsWith("text/html");
        assertThat(html.getBody()).isEqualToNormalizingNewlines(parts.html());
        ResponseEntity<byte[]> pdf = as(CONTROLLER).getForEntity("/api/notices/" + noticeId + "/pdf", byte[].class);
        assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        assertThat(pdf.getBody()).isEqualTo(parts.attachments().get(0).content());
    }

    @Test
    void debtorsWithoutEmailGetTheirLettersInTheDaysPrintRunWhichIsMarkedPrinted() throws Exception {
        for (String id : List.of("NO-1", "NO-2")) {
            customer(id, "CONSUMER", "NO");
            send(ADMIN, HttpMethod.PATCH, "/api/customers/" + id, MediaType.valueOf("application/merge-patch+json"),
                    "{\"email\": null}");
            invoice("INV-" + id, id, DUE, "1000.00", "NOK");
        }
        post("/api/dunning-runs", null);

        travelTo(REMINDER_DAY);

        assertThat(TestMail.received()).isEmpty();
        ResponseEntity<byte[]> run = as(CONTROLLER).getForEntity("/api/letters?date=2026-03-05", byte[].class);
        assertThat(run.getStatusCode().value()).isEqualTo(200);
        assertThat(run.getHeaders().getFirst("X-Letters")).isEqualTo("2");
        assertThat(run.getHeaders().getFirst("X-Letters-Printed-Now")).isEqualTo("2");
        try (PDDocument merged = Loader.loadPDF(run.getBody())) {
            assertThat(merged.getNumberOfPages()).isEqualTo(2);
            assertThat(new PDFTextStripper().getText(merged)).contains("Customer NO-1", "Customer NO-2", "INV-NO-1",
                    "INV-NO-2");
        }
        assertThat(jdbc.sql("select distinct state || ' ' || printed_by from notice_delivery").query(String.class).list())
                .containsExactly("PRINTED " + CONTROLLER);
        assertThat(jdbc.sql("select distinct channel from notice").query(String.class).list()).containsExactly("POST");

        // printed again (the printer jammed): the same letters, none printed for the first time
        ResponseEntity<byte[]> again = as(CONTROLLER).getForEntity("/api/letters?date=2026-03-05", byte[].class);
        assertThat(again.getHeaders().getFirst("X-Letters")).isEqualTo("2");
        assertThat(again.getHeaders().getFirst("X-Letters-Printed-Now")).isEqualTo("0");
        ResponseEntity<JsonNode> none = get("/api/letters?date=2026-03-06");
        assertThat(none.getStatusCode().value()).isEqualTo(404);
        assertThat(none.getBody().path("detail").asText()).isEqualTo("No letters to print for 2026-03-06");
    }

    @Test
    void anInvoiceDocumentMustBeAPdf() {
        customer("NO-1", "CONSUMER", "NO");
        invoice("INV-1", "NO-1", DUE, "1000.00", "NOK");

        ResponseEntity<JsonNode> notPdf = upload("/api/invoices/INV-1/document", "hello".getBytes());
        ResponseEntity<JsonNode> unknown = upload("/api/invoices/NOPE/document", onePagePdf());

        assertThat(notPdf.getStatusCode().value()).isEqualTo(422);
        assertThat(notPdf.getBody().path("detail").asText()).contains("must be a PDF");
        assertThat(unknown.getStatusCode().value()).isEqualTo(404);
        assertThat(get("/api/invoices/INV-1/document").getStatusCode().value()).isEqualTo(404);
    }

    private ResponseEntity<JsonNode> upload(String path, byte[] pdf) {
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_PDF);
        return as(ADMIN).exchange(path, HttpMethod.PUT, new org.springframework.http.HttpEntity<>(pdf, headers),
                JsonNode.class);
    }

    static byte[] onePagePdf() {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.addPage(new PDPage());
            document.save(out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String pdfText(byte[] pdf) throws java.io.IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replace('\u00a0', ' ').replaceAll("[ \\t]+", " ");
        }
    }
}

package no.purreflyt.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.mail.MailProperties;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/** The embedded default's SMTP sink takes what is sent to it over SMTP and lists it on its page. */
class MailSinkTest {

    @Test
    void aMessageSentOverSmtpIsListedWithItsAttachment() throws Exception {
        MailProperties properties = new MailProperties();
        properties.setHost("localhost");
        try (ServerSocket free = new ServerSocket(0)) {
            properties.setPort(free.getLocalPort());
        }
        MailSink sink = new MailSink(properties);
        try {
            JavaMailSenderImpl sender = new JavaMailSenderImpl();
            sender.setHost("127.0.0.1");
            sender.setPort(properties.getPort());
            var message = sender.createMimeMessage();
            MimeMessageHelper mail = new MimeMessageHelper(message, true, "UTF-8");
            mail.setFrom("faktura@fjordfisk.example");
            mail.setTo("kari@example.no");
            mail.setSubject("Purring – faktura F-1001");
            mail.setText("Å betale: 1 042,93 NOK", "<h1>Purring</h1>");
            mail.addAttachment("Purring - faktura F-1001.pdf", () -> new java.io.ByteArrayInputStream(
                    "%PDF-1.7".getBytes()), "application/pdf");
            sender.send(message);

            String page = new MailSinkController(sink).list().getBody();

            assertThat(page).contains("kari@example.no", "Purring &ndash; faktura F-1001",
                    "mail-sink/0/attachments/0\">Purring - faktura F-1001.pdf");
            assertThat(new MailSinkController(sink).one(0).getBody()).isEqualTo("<h1>Purring</h1>");
            assertThat(new MailSinkController(sink).attachment(0, 0).getBody()).isEqualTo("%PDF-1.7".getBytes());
        } finally {
            sink.destroy();
        }
    }
}

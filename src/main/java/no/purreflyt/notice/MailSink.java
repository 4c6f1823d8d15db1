package no.purreflyt.notice;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.mail.MailProperties;
import org.springframework.stereotype.Component;

/**
 * The embedded default's mail relay: a real SMTP server in the application (GreenMail) on {@code spring.mail.host} and
 * {@code spring.mail.port}, which keeps what it receives in memory for the page at {@code /mail-sink}. So the run
 * command delivers notices over SMTP exactly as production does, and a person can open what a debtor would get.
 * Off in the production profile, where {@code spring.mail.*} names the real relay.
 */
@Component
@ConditionalOnProperty(name = "purreflyt.mail-sink.enabled", havingValue = "true")
class MailSink implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(MailSink.class);

    /** A received message as the page shows it. */
    record Received(int index, String messageId, String from, String to, String subject, java.util.Date sent,
            String html, String text, List<Attachment> attachments) {
    }

    record Attachment(String filename, String contentType, byte[] content) {
    }

    private final GreenMail server;

    MailSink(MailProperties mail) {
        String host = mail.getHost() == null ? "127.0.0.1" : mail.getHost();
        if (!host.equals("localhost") && !host.equals("127.0.0.1")) {
            throw new IllegalStateException("purreflyt.mail-sink.enabled is on but spring.mail.host is " + host
                    + ": the in-process mail sink only listens on localhost; switch it off to use a real relay");
        }
        int port = mail.getPort() == null ? 2525 : mail.getPort();
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        server.start();
        log.info("Mail sink: SMTP on 127.0.0.1:{}; what it receives is listed at /mail-sink", port);
    }

    List<Received> received() {
        MimeMessage[] messages = server.getReceivedMessages();
        List<Received> list = new ArrayList<>();
        for (int i = messages.length - 1; i >= 0; i--) {
            list.add(read(i, messages[i]));
        }
        return list;
    }

    Received one(int index) {
        MimeMessage[] messages = server.getReceivedMessages();
        if (index < 0 || index >= messages.length) {
            throw new java.util.NoSuchElementException("No message " + index + " in the mail sink");
        }
        return read(index, messages[index]);
    }

    /** A message as the page shows it (the tests read the messages they receive the same way). */
    static Received read(int index, MimeMessage message) {
        try {
            Parts parts = new Parts();
            parts.walk(message);
            return new Received(index, message.getMessageID(), Arrays.toString(message.getFrom()),
                    Arrays.toString(message.getAllRecipients()), message.getSubject(), message.getSentDate(),
                    parts.html, parts.text, parts.attachments);
        } catch (jakarta.mail.MessagingException | IOException e) {
            throw new IllegalStateException("A message in the mail sink cannot be read: " + e.getMessage(), e);
        }
    }

    /** The HTML, the text and the attachments of a MIME tree. */
    private static final class Parts {
        String html;
        String text;
        final List<Attachment> attachments = new ArrayList<>();

        void walk(Part part) throws jakarta.mail.MessagingException, IOException {
            if (part.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    walk(child);
                }
            } else if (part.getFileName() != null) {
                attachments.add(new Attachment(part.getFileName(), part.getContentType(),
                        part.getInputStream().readAllBytes()));
            } else if (part.isMimeType("text/html") && html == null) {
                html = (String) part.getContent();
            } else if (part.isMimeType("text/plain") && text == null) {
                text = (String) part.getContent();
            }
        }
    }

    @Override
    public void destroy() {
        server.stop();
    }
}

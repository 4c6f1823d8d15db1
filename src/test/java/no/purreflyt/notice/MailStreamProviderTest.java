package no.purreflyt.notice;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.StreamProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.util.Enumeration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.MimeMessageHelper;

/** Jakarta Mail's stream provider is named once instead of searched for on every part of every e-mail. */
class MailStreamProviderTest {

    private static final String SERVICE_FILE = "META-INF/services/" + StreamProvider.class.getName();

    @Test
    void writingANoticeEmailDoesNotSearchTheClassPathForTheStreamProvider() throws Exception {
        MailDelivery.nameStreamProvider();
        Session session = Session.getInstance(new Properties());
        SearchCounter loader = new SearchCounter(getClass().getClassLoader());
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            // the parts MailDelivery makes: an encoded subject, text and HTML, a PDF attachment
            MimeMessage message = new MimeMessage(session);
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setSubject("Påminnelse – faktura 1001");
            helper.setText("Beløpet er 1 250,00 kr.", "<p>Beløpet er 1&nbsp;250,00&nbsp;kr.</p>");
            helper.addAttachment("påminnelse.pdf", new ByteArrayResource(new byte[] {'%', 'P', 'D', 'F'}),
                    "application/pdf");
            message.saveChanges();
            message.writeTo(OutputStream.nullOutputStream());
            assertThat(message.getSubject()).isEqualTo("Påminnelse – faktura 1001");
        } finally {
            thread.setContextClassLoader(before);
        }
        assertThat(loader.searches.get()).as("searches of the class path for " + SERVICE_FILE).isZero();
        assertThat(System.getProperty(MailDelivery.STREAM_PROVIDER_PROPERTY))
                .isEqualTo(MailDelivery.ANGUS_STREAM_PROVIDER);
        assertThat(StreamProvider.provider().getClass().getName()).isEqualTo(MailDelivery.ANGUS_STREAM_PROVIDER);
    }

    @Test
    void anOperatorsOwnSettingIsKept() {
        String before = System.getProperty(MailDelivery.STREAM_PROVIDER_PROPERTY);
        System.setProperty(MailDelivery.STREAM_PROVIDER_PROPERTY, "com.example.OwnStreamProvider");
        try {
            MailDelivery.nameStreamProvider();
            assertThat(System.getProperty(MailDelivery.STREAM_PROVIDER_PROPERTY))
                    .isEqualTo("com.example.OwnStreamProvider");
        } finally {
            if (before == null) {
                System.clearProperty(MailDelivery.STREAM_PROVIDER_PROPERTY);
            } else {
                System.setProperty(MailDelivery.STREAM_PROVIDER_PROPERTY, before);
            }
        }
    }

    /** Counts the ServiceLoader's searches for the stream provider's service file. */
    private static final class SearchCounter extends ClassLoader {
        final AtomicInteger searches = new AtomicInteger();

        SearchCounter(ClassLoader parent) {
            super(parent);
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            if (SERVICE_FILE.equals(name)) {
                searches.incrementAndGet();
            }
            return super.getResources(name);
        }
    }
}

package no.purreflyt.notice;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;
import no.purreflyt.ledger.Customer;
import no.purreflyt.ledger.InvoiceDocuments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.dao.DataAccessException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;

/**
 * Sends a notice's e-mail through the relay once: the HTML and text of the letter, the PDF letter attached, the
 * original invoice too where one was uploaded. The Message-ID is recorded before the hand-off and the outcome right
 * after, each in a transaction of its own, so that a retried delivery knows whether the relay already has the mail;
 * the outcome is recorded again for a while when the database is away at that moment.
 */
@Component
class MailDelivery {

    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);

    static final String STREAM_PROVIDER_PROPERTY = "jakarta.mail.util.StreamProvider";
    static final String ANGUS_STREAM_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

    static {
        nameStreamProvider();
    }

    /**
     * Jakarta Mail 2.1 looks its {@code StreamProvider} up with a {@code ServiceLoader} for every body part, multipart
     * and encoded header it makes (jakartaee/mail-api#699 and #861, open): a search through every jar on the class
     * path, 9 % of the JVM's samples in the benchmark's notice stage. The API reads this system property first, which
     * turns the search into a class lookup. Left alone where the operator set it or Angus Mail is not on the class path.
     */
    static void nameStreamProvider() {
        if (System.getProperty(STREAM_PROVIDER_PROPERTY) != null) {
            return;
        }
        try {
            Class.forName(ANGUS_STREAM_PROVIDER, false, MailDelivery.class.getClassLoader());
            System.setProperty(STREAM_PROVIDER_PROPERTY, ANGUS_STREAM_PROVIDER);
        } catch (ClassNotFoundException e) {
            log.warn("{} is not on the class path; Jakarta Mail will search the class path for its stream provider "
                    + "on every message part", ANGUS_STREAM_PROVIDER);
        }
    }

    private final JavaMailSender sender;
    private final Deliveries deliveries;
    private final CreditorProperties creditor;
    private final NoticeProperties properties;
    private final Letters letters;
    private final InvoiceDocuments invoiceDocuments;
    private final Clock clock;

    MailDelivery(JavaMailSender sender, Deliveries deliveries, CreditorProperties creditor, NoticeProperties properties,
            Letters letters, InvoiceDocuments invoiceDocuments, Clock clock) {
        this.sender = sender;
        this.deliveries = deliveries;
        this.creditor = creditor;
        this.properties = properties;
        this.letters = letters;
        this.invoiceDocuments = invoiceDocuments;
        this.clock = clock;
    }

    /**
     * Hands the notice's e-mail to the relay, unless an earlier attempt already did.
     *
     * @throws RecipientRejectedException the relay refused the address (nothing was sent)
     * @throws MailException              the relay could not be reached or failed (nothing was sent; retry later)
     * @throws DeliveryUncertainException an earlier attempt's outcome is unknown
     */
    void send(Notice notice, Customer debtor, String invoiceNumber, RenderedLetter letter) {
        Optional<Deliveries.Delivery> earlier = deliveries.find(notice.id());
        if (earlier.isPresent() && earlier.get().state() == Deliveries.State.SENT) {
            log.info("Notice {}: the relay took {} earlier; not sent again", notice.id(), earlier.get().messageId());
            return;
        }
        if (earlier.isPresent() && earlier.get().state() == Deliveries.State.SENDING) {
            throw new DeliveryUncertainException("Notice " + notice.id() + ": an earlier attempt handed e-mail "
                    + earlier.get().messageId() + " to " + earlier.get().recipient() + " to the relay at "
                    + earlier.get().updatedAt() + ", but its outcome was not recorded. Look for that Message-ID in the "
                    + "relay's log, then POST /api/notices/" + notice.id() + "/delivery-outcome with {\"handedOver\": "
                    + "true} if it went out or false to send it again, and retry this job.");
        }
        String messageId = "<notice-" + notice.id() + "." + UUID.randomUUID() + "@" + domain() + ">";
        MimeMessage message = message(notice, debtor, invoiceNumber, letter, messageId);
        deliveries.sending(notice.id(), debtor.email(), messageId, clock.instant());
        try {
            sender.send(message);
        } catch (MailSendException failed) {
            if (failed.getFailedMessages().isEmpty()) {
                // Spring's JavaMailSenderImpl names the messages that failed; none named means the relay accepted the
                // mail and only closing the connection afterwards (QUIT) failed: sent, and not to be sent again
                log.warn("Notice {}: the relay took {}, then the connection failed as it was closed: {}", notice.id(),
                        messageId, failed.getMessage());
            } else if (rejected(failed)) {
                String why = "The mail relay refused " + debtor.email() + " for customer " + debtor.externalId() + " ("
                        + debtor.name() + "): " + failed.getMessage();
                record(notice.id(), Deliveries.State.REJECTED, why);
                throw new RecipientRejectedException(why);
            } else {
                record(notice.id(), Deliveries.State.FAILED, failed.getMessage());
                throw failed;
            }
        } catch (MailException failed) {
            record(notice.id(), Deliveries.State.FAILED, failed.getMessage());
            throw failed;
        }
        record(notice.id(), Deliveries.State.SENT, null);
        log.info("Notice {} ({} no. {}) e-mailed to {} as {}", notice.id(), notice.kind(), notice.sequence(),
                debtor.email(), messageId);
    }

    /**
     * Records the attempt's outcome, again and again for about half a minute while the database is away (a restart, a
     * fail-over): the relay has answered, and without this record the next attempt cannot tell whether the mail went
     * out, so the delivery would wait for a person to look it up in the relay's log. Only when the database stays
     * away longer is that left to the person (the next attempt finds the delivery SENDING).
     */
    private void record(long noticeId, Deliveries.State state, String error) {
        for (int attempt = 1; ; attempt++) {
            try {
                deliveries.outcome(noticeId, state, error, clock.instant());
                return;
            } catch (DataAccessException | TransactionException unavailable) {
                if (attempt == OUTCOME_RETRY_PAUSES.length + 1) {
                    log.error("Notice {}: the relay's answer ({}) could not be recorded: {}", noticeId, state,
                            unavailable.getMessage());
                    throw unavailable;
                }
                Duration pause = OUTCOME_RETRY_PAUSES[attempt - 1];
                log.warn("Notice {}: the relay's answer ({}) could not be recorded, trying again in {} ms: {}", noticeId,
                        state, pause.toMillis(), unavailable.getMessage());
                try {
                    Thread.sleep(pause.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw unavailable;
                }
            }
        }
    }

    /** About 30 s in all, each attempt also waiting up to the pool's connection timeout for a connection. */
    private static final Duration[] OUTCOME_RETRY_PAUSES = {Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8), Duration.ofSeconds(15)};

    private MimeMessage message(Notice notice, Customer debtor, String invoiceNumber, RenderedLetter letter,
            String messageId) {
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper mail = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED,
                    "UTF-8");
            mail.setFrom(properties.from() != null ? properties.from() : creditor.email(), creditor.name());
            mail.setReplyTo(creditor.email());
            mail.setTo(debtor.email());
            mail.setSubject(letter.subject());
            mail.setSentDate(Date.from(clock.instant()));
            mail.setText(letter.text(), letter.html());
            LetterTemplates.Logo logo = letters.logo();
            if (logo != null) {
                mail.addInline(LetterTemplates.LOGO_CONTENT_ID, new ByteArrayResource(logo.bytes()), logo.mediaType());
            }
            mail.addAttachment(fileName(letter.subject()), new ByteArrayResource(letter.pdf()), "application/pdf");
            if (properties.attachInvoice()) {
                invoiceDocuments.find(invoiceNumber).ifPresent(document -> {
                    try {
                        mail.addAttachment(document.filename(), new ByteArrayResource(document.content()),
                                "application/pdf");
                    } catch (MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                });
            }
            message.setHeader("Message-ID", messageId);
            return message;
        } catch (MessagingException | java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException("Notice " + notice.id() + ": the e-mail could not be put together: "
                    + e.getMessage(), e);
        }
    }

    /** "Purring nr. 2 – faktura F-1001" → "Purring nr. 2 - faktura F-1001.pdf", safe as a file name. */
    static String fileName(String subject) {
        return subject.replace('–', '-').replaceAll("[\\\\/:*?\"<>|]", "_") + ".pdf";
    }

    private String domain() {
        String address = properties.from() != null ? properties.from() : creditor.email();
        return address.substring(address.indexOf('@') + 1);
    }

    /** The relay refused a recipient (an SMTP 5xx on RCPT TO); anything else is an outage to retry. */
    private static boolean rejected(MailSendException failed) {
        return failed.getFailedMessages().values().stream().anyMatch(cause -> cause instanceof SendFailedException sfe
                && sfe.getInvalidAddresses() != null && sfe.getInvalidAddresses().length > 0);
    }
}

package no.purreflyt.notice;

import jakarta.validation.constraints.Email;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How notices are written and sent.
 *
 * @param templateDirectory    a directory whose template files (same names as the built-in ones) replace them
 * @param from                 the sender of the e-mails; the creditor's e-mail address when not set
 * @param attachInvoice        attach the original invoice to the e-mail when one was uploaded
 * @param inkassovarselByEmail the initial value of the delivery setting: whether inkassovarsler go by e-mail (else
 *                             by post); the setting is changed at run time through {@code /api/settings/delivery}
 */
@Validated
@ConfigurationProperties("purreflyt.notices")
public record NoticeProperties(
        Path templateDirectory,
        @Email String from,
        boolean attachInvoice,
        boolean inkassovarselByEmail) {
}

package no.purreflyt.notice;

import java.util.NoSuchElementException;
import no.purreflyt.web.ProblemException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/** {@code /mail-sink}: the e-mails the embedded default's SMTP sink received, newest first, each to open. */
@RestController
@RequestMapping("/mail-sink")
@ConditionalOnProperty(name = "purreflyt.mail-sink.enabled", havingValue = "true")
class MailSinkController {

    private final MailSink sink;

    MailSinkController(MailSink sink) {
        this.sink = sink;
    }

    @GetMapping
    ResponseEntity<String> list() {
        StringBuilder page = new StringBuilder("""
                <!DOCTYPE html><html lang="en"><head><meta charset="UTF-8"><title>Purreflyt mail sink</title>
                <style>body{font-family:sans-serif;margin:2em}td,th{padding:4px 10px;text-align:left;border-bottom:1px solid #ddd}</style>
                </head><body><h1>Mail sink</h1>
                <p>What Purreflyt sent over SMTP to the embedded mail sink since the application started. No debtor
                received any of it.</p><table><tr><th>Sent</th><th>To</th><th>Subject</th><th>Attachments</th><th>Message-ID</th></tr>
                """);
        for (MailSink.Received mail : sink.received()) {
            page.append("<tr><td>").append(mail.sent()).append("</td><td>").append(esc(mail.to()))
                    .append("</td><td><a href=\"mail-sink/").append(mail.index()).append("\">").append(esc(mail.subject()))
                    .append("</a></td><td>");
            for (int i = 0; i < mail.attachments().size(); i++) {
                page.append("<a href=\"mail-sink/").append(mail.index()).append("/attachments/").append(i).append("\">")
                        .append(esc(mail.attachments().get(i).filename())).append("</a> ");
            }
            page.append("</td><td><code>").append(esc(mail.messageId())).append("</code></td></tr>\n");
        }
        page.append("</table></body></html>");
        return html(page.toString());
    }

    @GetMapping("/{index}")
    ResponseEntity<String> one(@PathVariable int index) {
        MailSink.Received mail = found(index);
        return html(mail.html() != null ? mail.html() : "<pre>" + esc(mail.text()) + "</pre>");
    }

    @GetMapping("/{index}/attachments/{n}")
    ResponseEntity<byte[]> attachment(@PathVariable int index, @PathVariable int n) {
        MailSink.Received mail = found(index);
        if (n < 0 || n >= mail.attachments().size()) {
            throw ProblemException.notFound("Message " + index + " has no attachment " + n);
        }
        MailSink.Attachment attachment = mail.attachments().get(n);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(attachment.contentType().split(";")[0].strip()))
                .header("Content-Disposition", "inline; filename=\"" + attachment.filename() + "\"")
                .body(attachment.content());
    }

    private MailSink.Received found(int index) {
        try {
            return sink.one(index);
        } catch (NoSuchElementException none) {
            throw ProblemException.notFound(none.getMessage());
        }
    }

    private static ResponseEntity<String> html(String body) {
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .body(body);
    }

    private static String esc(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text);
    }
}

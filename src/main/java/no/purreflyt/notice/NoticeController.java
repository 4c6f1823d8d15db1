package no.purreflyt.notice;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.NoSuchElementException;
import no.purreflyt.web.ProblemException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Notices as stored and as sent: {@code /api/notices/{id}} (figures, template version, delivery), its letter as the
 * e-mail's HTML and as the PDF; and {@code /api/letters?date=} — the day's letters by post as one PDF to print.
 */
@RestController
@RequestMapping("/api")
class NoticeController {

    record DeliveryView(String channel, String state, String recipient, String messageId, int attempts,
            String lastError, LocalDate printDate, Instant printedAt, String printedBy) {
    }

    record NoticeView(Notice notice, String templateVersion, String subject, DeliveryView delivery) {
    }

    record Outcome(@NotNull Boolean handedOver) {
    }

    private final NoticeRepository notices;
    private final NoticeService service;
    private final Deliveries deliveries;
    private final PrintQueue printQueue;

    NoticeController(NoticeRepository notices, NoticeService service, Deliveries deliveries, PrintQueue printQueue) {
        this.notices = notices;
        this.service = service;
        this.deliveries = deliveries;
        this.printQueue = printQueue;
    }

    @GetMapping("/notices/{id}")
    NoticeView notice(@PathVariable long id) {
        Notice notice = notices.find(id).orElseThrow(() -> ProblemException.notFound("No notice " + id));
        var letter = service.letter(id);
        DeliveryView delivery = deliveries.find(id).map(d -> new DeliveryView(d.channel(), d.state().name(),
                d.recipient(), d.messageId(), d.attempts(), d.lastError(), d.printDate(), d.printedAt(), d.printedBy()))
                .orElse(null);
        return new NoticeView(notice, letter.map(RenderedLetter::templateVersion).orElse(null),
                letter.map(RenderedLetter::subject).orElse(null), delivery);
    }

    @GetMapping("/notices/{id}/html")
    ResponseEntity<String> html(@PathVariable long id) {
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .body(letter(id).html());
    }

    @GetMapping("/notices/{id}/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id) {
        RenderedLetter letter = letter(id);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "inline; filename=\"" + MailDelivery.fileName(letter.subject()) + "\"")
                .body(letter.pdf());
    }

    @PostMapping("/notices/{id}/delivery-outcome")
    ResponseEntity<Void> settle(@PathVariable long id, @Valid @RequestBody Outcome outcome, Principal principal) {
        try {
            service.settleUncertainDelivery(id, outcome.handedOver(), principal.getName());
        } catch (IllegalStateException nothingToSettle) {
            throw ProblemException.conflict("handedOver", nothingToSettle.getMessage());
        }
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/letters")
    ResponseEntity<byte[]> letters(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            Principal principal) {
        PrintQueue.PrintRun run;
        try {
            run = printQueue.print(date, principal.getName());
        } catch (NoSuchElementException none) {
            throw new ProblemException(HttpStatus.NOT_FOUND, "Not found", none.getMessage(), java.util.List.of());
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "attachment; filename=\"letters-" + date + ".pdf\"")
                .header("X-Letters", Integer.toString(run.letters()))
                .header("X-Letters-Printed-Now", Integer.toString(run.printedNow()))
                .body(run.pdf());
    }

    private RenderedLetter letter(long id) {
        notices.find(id).orElseThrow(() -> ProblemException.notFound("No notice " + id));
        return service.letter(id).orElseThrow(() -> ProblemException.notFound("Notice " + id + " has no letter: it "
                + "was refused by the law on its day, or prepared before letters were kept"));
    }
}

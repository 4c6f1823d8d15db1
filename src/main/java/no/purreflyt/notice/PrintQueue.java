package no.purreflyt.notice;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.multipdf.PDFMergerUtility;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The letters that go by post: a day's print run as one PDF, the letters in it marked printed. */
@Service
public class PrintQueue {

    private static final Logger log = LoggerFactory.getLogger(PrintQueue.class);

    /** A day's letters as one PDF; {@code printedNow} of them had not been printed before. */
    public record PrintRun(LocalDate date, int letters, int printedNow, byte[] pdf) {
    }

    private final Deliveries deliveries;
    private final NoticeDocuments documents;
    private final Clock clock;

    PrintQueue(Deliveries deliveries, NoticeDocuments documents, Clock clock) {
        this.deliveries = deliveries;
        this.documents = documents;
        this.clock = clock;
    }

    /**
     * The day's letters merged into one PDF, in the order they were queued. Letters printed before are in it again
     * (a jammed printer is printed again); those not printed before are marked printed by this person.
     *
     * @throws java.util.NoSuchElementException when the day has no letters
     */
    @Transactional
    public PrintRun print(LocalDate day, String by) {
        List<Deliveries.Delivery> run = deliveries.printRun(day);
        if (run.isEmpty()) {
            throw new java.util.NoSuchElementException("No letters to print for " + day);
        }
        PDFMergerUtility merger = new PDFMergerUtility();
        for (Deliveries.Delivery letter : run) {
            byte[] pdf = documents.find(letter.noticeId()).orElseThrow(() -> new IllegalStateException(
                    "Notice " + letter.noticeId() + " is queued for printing but has no letter")).pdf();
            merger.addSource(new RandomAccessReadBuffer(pdf));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        merger.setDestinationStream(out);
        try {
            merger.mergeDocuments(IOUtils.createMemoryOnlyStreamCache());
        } catch (IOException e) {
            throw new UncheckedIOException("The print run of " + day + " could not be put together", e);
        }
        List<Long> fresh = run.stream().filter(d -> d.state() == Deliveries.State.QUEUED)
                .map(Deliveries.Delivery::noticeId).toList();
        deliveries.printed(fresh, by, clock.instant());
        log.info("Print run of {}: {} letters, {} printed for the first time, by {}", day, run.size(), fresh.size(), by);
        return new PrintRun(day, run.size(), fresh.size(), out.toByteArray());
    }
}

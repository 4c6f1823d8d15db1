package no.purreflyt.notice;

import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The letters of notices as they were sent, for other parts of Purreflyt (the agency gets the inkassovarsel). */
@Service
public class NoticeLetters {

    private final NoticeDocuments documents;

    NoticeLetters(NoticeDocuments documents) {
        this.documents = documents;
    }

    /** The PDF letter of a notice as it was sent, or empty when it was never rendered. */
    @Transactional(readOnly = true)
    public Optional<byte[]> pdf(long noticeId) {
        return documents.find(noticeId).map(RenderedLetter::pdf);
    }
}

package no.purreflyt.notice;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import no.purreflyt.ledger.Language;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The notice_document table: each notice as rendered, kept as it was sent. */
@Repository
class NoticeDocuments {

    private final JdbcClient jdbc;

    NoticeDocuments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the notice's letter, replacing the one of an earlier preparation of the same (unsent) notice. */
    void save(long noticeId, TemplateKind kind, Language language, RenderedLetter letter, Instant now) {
        int updated = bind(jdbc.sql("""
                update notice_document set template_kind = :kind, language = :language, template_version = :version,
                    subject = :subject, html = :html, text_body = :text, pdf = :pdf, rendered_at = :now
                where notice_id = :id"""), noticeId, kind, language, letter, now).update();
        if (updated == 0) {
            bind(jdbc.sql("""
                    insert into notice_document (notice_id, template_kind, language, template_version, subject, html,
                        text_body, pdf, rendered_at)
                    values (:id, :kind, :language, :version, :subject, :html, :text, :pdf, :now)"""),
                    noticeId, kind, language, letter, now).update();
        }
    }

    Optional<RenderedLetter> find(long noticeId) {
        return jdbc.sql("select template_version, subject, html, text_body, pdf from notice_document where notice_id = :id")
                .param("id", noticeId)
                .query((rs, row) -> new RenderedLetter(rs.getString("template_version"), rs.getString("subject"),
                        rs.getString("html"), rs.getString("text_body"), rs.getBytes("pdf")))
                .optional();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec sql, long noticeId, TemplateKind kind,
            Language language, RenderedLetter letter, Instant now) {
        return sql.param("id", noticeId)
                .param("kind", kind.name())
                .param("language", language.code())
                .param("version", letter.templateVersion())
                .param("subject", letter.subject())
                .param("html", letter.html())
                .param("text", letter.text())
                .param("pdf", letter.pdf())
                .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
    }
}

package no.purreflyt.notice;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import no.purreflyt.ledger.Language;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The template texts saved through the API, every version kept. */
@Repository
class TemplateRepository {

    /** A saved version; source null when it sent the template back to the directory's or the built-in text. */
    record Saved(TemplateKind kind, Language language, int version, String source, String savedBy, Instant savedAt) {
    }

    private final JdbcClient jdbc;

    TemplateRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Saved> latest(TemplateKind kind, Language language) {
        return jdbc.sql("""
                select * from notice_template where template_kind = :k and language = :l
                order by version desc limit 1""")
                .param("k", kind.name()).param("l", language.code())
                .query((rs, row) -> new Saved(kind, language, rs.getInt("version"), rs.getString("source"),
                        rs.getString("saved_by"), rs.getObject("saved_at", OffsetDateTime.class).toInstant()))
                .optional();
    }

    /** Saves the next version; a concurrent save of the same template fails on the unique version. */
    int save(TemplateKind kind, Language language, String source, String by, Instant now) {
        int version = jdbc.sql("""
                select coalesce(max(version), 0) + 1 from notice_template where template_kind = :k and language = :l""")
                .param("k", kind.name()).param("l", language.code()).query(Integer.class).single();
        jdbc.sql("""
                insert into notice_template (template_kind, language, version, source, saved_by, saved_at)
                values (:k, :l, :v, :source, :by, :now)""")
                .param("k", kind.name()).param("l", language.code()).param("v", version).param("source", source)
                .param("by", by).param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).update();
        return version;
    }
}

package no.purreflyt.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The dispute table; open_invoice_id's unique constraint allows one open dispute per invoice. */
@Repository
class DisputeRepository {

    private static final String SELECT = "select d.*, i.number as invoice_number from dispute d join invoice i on i.id = d.invoice_id";

    private final JdbcClient jdbc;

    DisputeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long invoiceId, String reason, String by, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into dispute (invoice_id, open_invoice_id, reason, raised_by, raised_at)
                values (:invoiceId, :invoiceId, :reason, :by, :now)""")
                .param("invoiceId", invoiceId)
                .param("reason", reason)
                .param("by", by)
                .param("now", utc(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    Optional<Dispute> open(String invoiceNumber) {
        return jdbc.sql(SELECT + " where i.number = :n and d.open_invoice_id is not null")
                .param("n", invoiceNumber).query(DisputeRepository::map).optional();
    }

    Optional<Dispute> find(long id) {
        return jdbc.sql(SELECT + " where d.id = :id").param("id", id).query(DisputeRepository::map).optional();
    }

    int resolve(long id, DisputeResolution resolution, String note, String by, Instant now) {
        return jdbc.sql("""
                update dispute set open_invoice_id = null, resolution = :resolution, resolution_note = :note,
                    resolved_by = :by, resolved_at = :now
                where id = :id and open_invoice_id is not null""")
                .param("resolution", resolution.name())
                .param("note", note)
                .param("by", by)
                .param("now", utc(now))
                .param("id", id)
                .update();
    }

    private static Dispute map(ResultSet rs, int row) throws SQLException {
        String resolution = rs.getString("resolution");
        OffsetDateTime resolvedAt = rs.getObject("resolved_at", OffsetDateTime.class);
        return new Dispute(rs.getLong("id"), rs.getString("invoice_number"), rs.getString("reason"),
                rs.getString("raised_by"), rs.getObject("raised_at", OffsetDateTime.class).toInstant(),
                resolution == null ? null : DisputeResolution.valueOf(resolution), rs.getString("resolution_note"),
                rs.getString("resolved_by"), resolvedAt == null ? null : resolvedAt.toInstant());
    }

    private static OffsetDateTime utc(Instant now) {
        return OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
    }
}

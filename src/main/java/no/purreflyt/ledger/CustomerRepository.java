package no.purreflyt.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The customer table. */
@Repository
class CustomerRepository {

    private final JdbcClient jdbc;

    CustomerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Long> idOf(String externalId) {
        return jdbc.sql("select id from customer where external_id = :e").param("e", externalId).query(Long.class).optional();
    }

    Optional<Customer> find(String externalId) {
        return jdbc.sql("select * from customer where external_id = :e").param("e", externalId)
                .query(CustomerRepository::map).optional();
    }

    /** Reads and locks the row, so a merge patch applies to what it read. */
    Optional<Customer> findForUpdate(String externalId) {
        return jdbc.sql("select * from customer where external_id = :e for update").param("e", externalId)
                .query(CustomerRepository::map).optional();
    }

    long insert(Customer c, Instant now) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        bind(jdbc.sql("""
                insert into customer (external_id, name, type, email, language, country, address_line1, address_line2,
                    postal_code, city, dunning_blocked, dunning_block_reason, dunning_blocked_until, created_at, updated_at)
                values (:externalId, :name, :type, :email, :language, :country, :line1, :line2, :postalCode, :city,
                    :blocked, :blockReason, :blockedUntil, :now, :now)"""), c, now)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    void update(Customer c, Instant now) {
        bind(jdbc.sql("""
                update customer set name = :name, type = :type, email = :email, language = :language, country = :country,
                    address_line1 = :line1, address_line2 = :line2, postal_code = :postalCode, city = :city,
                    dunning_blocked = :blocked, dunning_block_reason = :blockReason, dunning_blocked_until = :blockedUntil,
                    updated_at = :now
                where external_id = :externalId"""), c, now)
                .update();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec sql, Customer c, Instant now) {
        Customer.Address a = c.address() != null ? c.address() : new Customer.Address(null, null, null, null);
        return sql.param("externalId", c.externalId())
                .param("name", c.name())
                .param("type", c.type().name())
                .param("email", c.email())
                .param("language", c.language().code())
                .param("country", c.country().name())
                .param("line1", a.line1())
                .param("line2", a.line2())
                .param("postalCode", a.postalCode())
                .param("city", a.city())
                .param("blocked", c.dunningBlock().blocked())
                .param("blockReason", c.dunningBlock().reason())
                .param("blockedUntil", c.dunningBlock().until())
                .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
    }

    private static Customer map(ResultSet rs, int row) throws SQLException {
        Customer.Address address = new Customer.Address(rs.getString("address_line1"), rs.getString("address_line2"),
                rs.getString("postal_code"), rs.getString("city"));
        boolean anyAddress = address.line1() != null || address.line2() != null || address.postalCode() != null
                || address.city() != null;
        return new Customer(
                rs.getString("external_id"),
                rs.getString("name"),
                CustomerType.valueOf(rs.getString("type")),
                rs.getString("email"),
                Language.of(rs.getString("language")),
                Country.valueOf(rs.getString("country")),
                anyAddress ? address : null,
                new Customer.DunningBlock(rs.getBoolean("dunning_blocked"), rs.getString("dunning_block_reason"),
                        rs.getObject("dunning_blocked_until", java.time.LocalDate.class)));
    }
}

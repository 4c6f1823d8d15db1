package no.purreflyt.plan;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tables dunning_plan, dunning_plan_version and customer_plan. */
@Repository
class PlanStore {

    /** One version of a plan as stored; definition is its JSON. */
    record Version(String key, int version, String definition, String createdBy, Instant createdAt, boolean archived) {
    }

    private static final String VERSION_COLUMNS = """
            select p.plan_key, v.version, v.definition, v.created_by, v.created_at, p.archived
            from dunning_plan p join dunning_plan_version v on v.plan_id = p.id""";

    private final JdbcClient jdbc;

    PlanStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Locks the plan's row (so two saves of one plan number their versions one after the other); empty when none. */
    Optional<Long> lock(String key) {
        return jdbc.sql("select id from dunning_plan where plan_key = :key for update").param("key", key)
                .query(Long.class).optional();
    }

    long insertPlan(String key, Instant now) {
        org.springframework.jdbc.support.GeneratedKeyHolder keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("insert into dunning_plan (plan_key, archived, created_at) values (:key, false, :now)")
                .param("key", key).param("now", utc(now)).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    int insertVersion(long planId, String definition, String by, Instant now) {
        int version = jdbc.sql("select coalesce(max(version), 0) + 1 from dunning_plan_version where plan_id = :id")
                .param("id", planId).query(Integer.class).single();
        jdbc.sql("""
                insert into dunning_plan_version (plan_id, version, definition, created_by, created_at)
                values (:id, :version, :definition, :by, :now)""")
                .param("id", planId).param("version", version).param("definition", definition).param("by", by)
                .param("now", utc(now)).update();
        return version;
    }

    void setArchived(long planId, boolean archived) {
        jdbc.sql("update dunning_plan set archived = :a where id = :id").param("a", archived).param("id", planId).update();
    }

    Optional<Version> latest(String key) {
        return jdbc.sql(VERSION_COLUMNS + " where p.plan_key = :key order by v.version desc fetch first 1 rows only")
                .param("key", key).query(PlanStore::version).optional();
    }

    Optional<Version> version(String key, int version) {
        return jdbc.sql(VERSION_COLUMNS + " where p.plan_key = :key and v.version = :version")
                .param("key", key).param("version", version).query(PlanStore::version).optional();
    }

    List<Version> versions(String key) {
        return jdbc.sql(VERSION_COLUMNS + " where p.plan_key = :key order by v.version")
                .param("key", key).query(PlanStore::version).list();
    }

    /** The latest version of every plan, archived ones too, by key. */
    List<Version> latestOfAll() {
        return jdbc.sql(VERSION_COLUMNS + """
                 where v.version = (select max(w.version) from dunning_plan_version w where w.plan_id = p.id)
                order by p.plan_key""").query(PlanStore::version).list();
    }

    // ---- a customer's own plan

    Optional<String> customerPlan(String customerExternalId) {
        return jdbc.sql("""
                select p.plan_key from customer_plan cp join dunning_plan p on p.id = cp.plan_id
                join customer c on c.id = cp.customer_id where c.external_id = :id""")
                .param("id", customerExternalId).query(String.class).optional();
    }

    void assign(String customerExternalId, long planId, String by, Instant now) {
        jdbc.sql("delete from customer_plan where customer_id = (select id from customer where external_id = :id)")
                .param("id", customerExternalId).update();
        jdbc.sql("""
                insert into customer_plan (customer_id, plan_id, assigned_by, assigned_at)
                select id, :plan, :by, :now from customer where external_id = :id""")
                .param("id", customerExternalId).param("plan", planId).param("by", by).param("now", utc(now)).update();
    }

    int unassign(String customerExternalId) {
        return jdbc.sql("delete from customer_plan where customer_id = (select id from customer where external_id = :id)")
                .param("id", customerExternalId).update();
    }

    /** How many customers have this plan as their own. */
    int customersOn(String key) {
        return jdbc.sql("""
                select count(*) from customer_plan cp join dunning_plan p on p.id = cp.plan_id where p.plan_key = :key""")
                .param("key", key).query(Integer.class).single();
    }

    private static Version version(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Version(rs.getString("plan_key"), rs.getInt("version"), rs.getString("definition"),
                rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getBoolean("archived"));
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}

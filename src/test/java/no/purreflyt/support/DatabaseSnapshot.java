package no.purreflyt.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the database holds, table by table, as a row count and an md5 of the rows in primary-key order: two snapshots
 * are equal exactly when no row of any table was added, removed or changed. It covers every table of ours (the Flyway
 * schema) and Camunda's runtime tables (ACT_RU_*), which carry the cases' state: tasks, variables, jobs, executions.
 *
 * <p>Left out, because they change on requests that change nothing else:
 * <ul>
 *   <li>{@code act_ru_meter_log}: the engine's usage metrics, flushed on a timer whenever it likes;</li>
 *   <li>{@code act_ru_task_meter_log}: the same for task assignees;</li>
 *   <li>{@code flyway_schema_history}: written at start-up only, and not data.</li>
 * </ul>
 */
public final class DatabaseSnapshot {

    private static final Set<String> CHANGING_ON_THEIR_OWN = Set.of(
            "act_ru_meter_log", "act_ru_task_meter_log", "flyway_schema_history");

    private final Map<String, String> tables;

    private DatabaseSnapshot(Map<String, String> tables) {
        this.tables = tables;
    }

    /** Takes one snapshot now. A test that takes many prepares a {@link Camera} once. */
    public static DatabaseSnapshot of(JdbcClient jdbc) {
        return camera(jdbc).take();
    }

    /** Finds the tables and their primary keys once, so that each snapshot is a single query. */
    public static Camera camera(JdbcClient jdbc) {
        List<String> names = jdbc.sql("""
                select table_name from information_schema.tables
                where table_schema = current_schema() and table_type = 'BASE TABLE'
                order by table_name""").query(String.class).list().stream()
                .map(String::toLowerCase)
                .filter(name -> !name.startsWith("act_") || name.startsWith("act_ru_"))
                .filter(name -> !CHANGING_ON_THEIR_OWN.contains(name))
                .toList();
        List<String> parts = new ArrayList<>();
        for (String name : names) {
            String order = primaryKey(jdbc, name).stream().map(column -> "t.\"" + column + "\"")
                    .reduce((a, b) -> a + ", " + b).orElse("t::text");
            parts.add("select '" + name + "' as name, count(*) || ' rows, md5 ' || coalesce(md5(string_agg(t::text, '|' "
                    + "order by " + order + ")), '-') as digest from \"" + name + "\" t");
        }
        return new Camera(jdbc, String.join("\nunion all ", parts));
    }

    /** Takes snapshots of the same tables. */
    public static final class Camera {
        private final JdbcClient jdbc;
        private final String query;

        private Camera(JdbcClient jdbc, String query) {
            this.jdbc = jdbc;
            this.query = query;
        }

        public DatabaseSnapshot take() {
            Map<String, String> tables = new LinkedHashMap<>();
            jdbc.sql(query).query((rs, n) -> tables.put(rs.getString("name"), rs.getString("digest"))).list();
            return new DatabaseSnapshot(tables);
        }
    }

    private static List<String> primaryKey(JdbcClient jdbc, String table) {
        return jdbc.sql("""
                select a.attname from pg_index i
                join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
                where i.indrelid = cast(:table as regclass) and i.indisprimary
                order by array_position(cast(i.indkey as smallint[]), a.attnum)""")
                .param("table", table).query(String.class).list();
    }

    /** The tables whose rows differ from the other snapshot's, with both counts and digests; empty when none does. */
    public List<String> differencesTo(DatabaseSnapshot later) {
        List<String> differences = new ArrayList<>();
        tables.forEach((table, before) -> {
            String after = later.tables.get(table);
            if (!before.equals(after)) {
                differences.add(table + ": " + before + " -> " + after);
            }
        });
        later.tables.keySet().stream().filter(t -> !tables.containsKey(t)).forEach(t -> differences.add(t + ": new table"));
        return differences;
    }

    /** The tables covered, for a test that the snapshot sees what it should. */
    public Set<String> tables() {
        return tables.keySet();
    }

    public String rowsOf(String table) {
        return tables.get(table);
    }
}

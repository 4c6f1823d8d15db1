package no.purreflyt.process;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * An index on the engine's job table by due date, which Camunda's schema does not have. The job executor asks every few
 * seconds for the jobs due now; without it PostgreSQL reads the whole table to answer, and with every case waiting on a
 * timer that table holds a row per case (benchmark/RESULTS.md: about 0.8 s per poll at a million waiting cases, under a
 * millisecond with the index). Created once the engine has made its tables and before the job executor starts; a no-op
 * when it exists. On a large table the first creation holds writes to the job table for as long as it takes (about a
 * second per million jobs).
 */
@Component
public class JobAcquisitionIndex implements InitializingBean {

    public static final String NAME = "purreflyt_job_due_idx";
    /** The index as it is created (the benchmark measures the same one). */
    public static final String CREATE = "create index if not exists " + NAME + " on act_ru_job (duedate_)";
    private static final Logger log = LoggerFactory.getLogger(JobAcquisitionIndex.class);

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    /** The engine is asked for so that its tables exist before this runs. */
    JobAcquisitionIndex(ProcessEngine engine, JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    @Override
    public void afterPropertiesSet() {
        try {
            jdbc.sql(CREATE).update();
        } catch (DataAccessException concurrentlyCreated) {
            // another node created it at the same moment (PostgreSQL answers a duplicate name); a real failure shows in
            // the check below
            log.debug("Creating {}: {}", NAME, concurrentlyCreated.toString());
        }
        if (!exists()) {
            log.warn("The index {} on the job table could not be created: the job executor's polls will read the whole "
                    + "job table. Create it by hand: create index {} on act_ru_job (duedate_)", NAME, NAME);
        }
    }

    /** Whether the job table has the index (PostgreSQL keeps names in lower case, H2 in upper case). */
    boolean exists() {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData metadata = connection.getMetaData();
            for (String table : new String[] {"act_ru_job", "ACT_RU_JOB"}) {
                try (ResultSet indexes = metadata.getIndexInfo(null, null, table, false, true)) {
                    while (indexes.next()) {
                        if (NAME.equalsIgnoreCase(indexes.getString("INDEX_NAME"))) {
                            return true;
                        }
                    }
                }
            }
            return false;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the job table's indexes", e);
        }
    }
}

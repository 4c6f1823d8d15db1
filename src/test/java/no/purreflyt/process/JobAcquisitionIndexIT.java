package no.purreflyt.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import no.purreflyt.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class JobAcquisitionIndexIT extends IntegrationTest {

    @Autowired JobAcquisitionIndex index;

    @Test
    void theJobTableIsIndexedByDueDateAtStart() {
        assertThat(index.exists()).isTrue();
        assertThat(jdbc.sql("select indexdef from pg_indexes where indexname = :name")
                .param("name", JobAcquisitionIndex.NAME).query(String.class).list())
                .singleElement().asString().contains("act_ru_job").contains("(duedate_)");
    }

    @Test
    void startingAgainOnTheIndexedTableKeepsTheOneIndex() {
        index.afterPropertiesSet();

        List<String> indexes = jdbc.sql("select indexname from pg_indexes where tablename = 'act_ru_job' and indexdef like '%(duedate_)'")
                .query(String.class).list();
        assertThat(indexes).containsExactly(JobAcquisitionIndex.NAME);
    }
}

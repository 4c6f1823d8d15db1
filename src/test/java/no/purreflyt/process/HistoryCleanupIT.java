package no.purreflyt.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import no.purreflyt.support.IntegrationTest;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The nightly history cleanup as shipped (application.yaml: 01:00–05:00): the engine keeps a case's history for the
 * model's historyTimeToLive after the case ended (P1825D), removes it in the night after that, and never touches a
 * case that is still running.
 */
class HistoryCleanupIT extends IntegrationTest {

    static final LocalDate DUE = LocalDate.of(2026, 2, 26);

    @Autowired HistoryService history;

    @Test
    void theEngineSchedulesItsCleanupForTheNightWindow() {
        List<Job> cleanup = history.findHistoryCleanupJobs();

        assertThat(cleanup).as("the cleanup job the configured window makes the engine schedule").hasSize(1);
        // the window is read in the server's time zone, as the engine reads it
        LocalTime due = cleanup.get(0).getDuedate().toInstant().atZone(ZoneId.systemDefault()).toLocalTime();
        assertThat(due).isBetween(LocalTime.of(1, 0), LocalTime.of(5, 0));
    }

    @Test
    void anEndedCaseKeepsItsHistoryForFiveYearsAndARunningCaseKeepsAllOfIt() {
        customer("NO-1", "CONSUMER", "NO");
        invoice("INV-1", "NO-1", DUE, "1000.00", "NOK");
        customer("NO-2", "CONSUMER", "NO");
        invoice("INV-2", "NO-2", DUE, "1000.00", "NOK");
        assertThat(post("/api/dunning-runs", null).getBody().path("started").asInt()).isEqualTo(2);
        executeDueJobs();
        String paid = instanceOf("INV-1");
        String running = instanceOf("INV-2");
        // INV-1 is paid in full on 2026-03-02 at noon: its case ends then
        assertCreated(post("/api/invoices/INV-1/payments", Map.of("amount", "1000.00", "paidOn", TODAY.toString(),
                "externalId", "P-1")));
        executeDueJobs();
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(paid).finished().count()).isOne();

        // removal time = end + 1825 days: 2026-03-02 12:00 + 1825 days = 2031-03-01 12:00 (five years from 2026-03-02
        // is 1826 days, as 2028 has a 29 February). The night before, at 03:30, the history is still kept...
        cleanUpAt(LocalDate.of(2031, 3, 1));
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(paid).count()).isOne();

        // ...and the night after, it is removed: the instance, its activities, variables and tasks
        cleanUpAt(LocalDate.of(2031, 3, 2));
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(paid).count()).isZero();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(paid).count()).isZero();
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(paid).count()).isZero();
        // the case that still runs keeps all of its history, however old
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(running).unfinished().count()).isOne();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(running).count()).isPositive();
        // our own record of the paid case stays: the ledger keeps what it owns
        assertThat(get("/api/invoices/INV-1/case").getBody().path("outcome").asText()).isEqualTo("PAID");
    }

    /** 03:30 in Oslo (02:30 UTC in March): inside the 01:00–05:00 window whether the server runs in UTC or in Oslo. */
    private void cleanUpAt(LocalDate night) {
        timeTravel.setDateTime(night, LocalTime.of(3, 30));
        for (int batch = 0; batch < 10; batch++) {
            List<Job> due = history.findHistoryCleanupJobs().stream()
                    .filter(job -> !job.getDuedate().toInstant().isAfter(timeTravel.now().toInstant())).toList();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> management.executeJob(job.getId()));
        }
    }

    private String instanceOf(String invoice) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(invoice).singleResult().getId();
    }
}

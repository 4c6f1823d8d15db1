package no.purreflyt.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.reset;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.time.LocalDate;
import no.purreflyt.notice.NoticeChannel;
import no.purreflyt.support.IntegrationTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * A delivery that keeps failing (the channel throws, as an SMTP relay that is down would) is retried three times, five
 * minutes apart, then becomes an incident a manager sees in Cockpit; the notice stays prepared. When the channel works
 * again and the operator retries the job, the notice goes out once and the case goes on.
 */
class DeliveryIncidentIT extends IntegrationTest {

    static final LocalDate DUE = LocalDate.of(2026, 2, 26);
    static final LocalDate REMINDER_DAY = LocalDate.of(2026, 3, 5);

    @Autowired ProcessEngine engine;
    @MockitoSpyBean NoticeChannel channel;

    @Test
    void aDeliveryThatFailsThreeTimesBecomesAnIncidentAndIsDeliveredOnceWhenRetried() {
        init(engine);
        customer("NO-1", "CONSUMER", "NO");
        invoice("INV-1", "NO-1", DUE, "1000.00", "NOK");
        post("/api/dunning-runs", null);
        ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey("INV-1").singleResult();
        doThrow(new IllegalStateException("SMTP relay localhost:2525 refused the connection"))
                .when(channel).deliver(any(), any());

        travelTo(REMINDER_DAY);
        Job delivery = management.createJobQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(delivery.getRetries()).isEqualTo(2);
        assertThat(delivery.getExceptionMessage()).contains("SMTP relay");
        // R3/PT5M: each retry waits five minutes
        timeTravel.setDateTime(REMINDER_DAY, NOON.plusMinutes(6));
        executeDueJobs();
        timeTravel.setDateTime(REMINDER_DAY, NOON.plusMinutes(12));
        executeDueJobs();

        Incident incident = runtime.createIncidentQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(incident.getActivityId()).isEqualTo(DunningModel.TASK_DELIVER_REMINDER);
        assertThat(incident.getIncidentMessage()).contains("SMTP relay localhost:2525 refused the connection");
        assertThat(instance).isWaitingAt(DunningModel.TASK_DELIVER_REMINDER);
        verify(channel, times(3)).deliver(any(), any());
        assertThat(noticeStatus()).isEqualTo("PREPARED");

        // the relay is back; the operator retries the job in Cockpit and it runs once its retry time has come
        reset(channel);
        management.setJobRetries(delivery.getId(), 1);
        timeTravel.setDateTime(REMINDER_DAY, NOON.plusMinutes(30));
        executeDueJobs();

        assertThat(runtime.createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
        verify(channel, times(1)).deliver(any(), any());
        assertThat(noticeStatus()).isEqualTo("DELIVERED");
        assertThat(instance).isWaitingAt(DunningModel.EVENT_PURRING_DUE);
    }

    private String noticeStatus() {
        return jdbc.sql("select status from notice").query(String.class).single();
    }
}

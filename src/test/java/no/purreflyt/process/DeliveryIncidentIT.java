package no.purreflyt.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import no.purreflyt.support.IntegrationTest;
import no.purreflyt.support.TestMail;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The mail relay is down: the delivery is retried three times, five minutes apart, then becomes an incident a manager
 * sees in Cockpit; the notice stays prepared and each failed attempt is on record. When the relay is back and the
 * operator retries the job, the notice goes out once and the case goes on.
 */
class DeliveryIncidentIT extends IntegrationTest {

    static final LocalDate DUE = LocalDate.of(2026, 2, 26);
    static final LocalDate REMINDER_DAY = LocalDate.of(2026, 3, 5);

    @Autowired ProcessEngine engine;

    @AfterEach
    void relayUp() {
        TestMail.server();
    }

    @Test
    void aRelayThatIsDownGivesAnIncidentAfterThreeAttemptsAndTheNoticeGoesOutOnceWhenItIsBack() throws Exception {
        init(engine);
        customer("NO-1", "CONSUMER", "NO");
        invoice("INV-1", "NO-1", DUE, "1000.00", "NOK");
        post("/api/dunning-runs", null);
        ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey("INV-1").singleResult();
        TestMail.stop();

        travelTo(REMINDER_DAY);
        Job delivery = management.createJobQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(delivery.getRetries()).isEqualTo(2);
        assertThat(delivery.getExceptionMessage()).contains("Couldn't connect to host");
        // R3/PT5M: each retry waits five minutes
        timeTravel.setDateTime(REMINDER_DAY, NOON.plusMinutes(6));
        executeDueJobs();
        timeTravel.setDateTime(REMINDER_DAY, NOON.plusMinutes(12));
        executeDueJobs();

        Incident incident = runtime.createIncidentQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(incident.getActivityId()).isEqualTo(DunningModel.TASK_DELIVER_REMINDER);
        assertThat(incident.getIncidentMessage()).contains("Couldn't connect to host");
        assertThat(instance).isWaitingAt(DunningModel.TASK_DELIVER_REMINDER);
        assertThat(noticeStatus()).isEqualTo("PREPARED");
        assertThat(jdbc.sql("select state from notice_delivery").query(String.class).single()).isEqualTo("FAILED");
        assertThat(jdbc.sql("select attempts from notice_delivery").query(Integer.class).single()).isEqualTo(3);

        // the relay is back; the operator retries the job in Cockpit and it runs once its retry time has come
        TestMail.start();
        management.setJobRetries(delivery.getId(), 1);
        timeTravel.setDateTime(REMINDER_DAY, NOON.plusMinutes(30));
        executeDueJobs();

        assertThat(runtime.createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
        MimeMessage[] received = TestMail.received();
        assertThat(received).hasSize(1);
        assertThat(received[0].getSubject()).isEqualTo("Betalingspåminnelse – faktura INV-1");
        assertThat(received[0].getMessageID())
                .isEqualTo(jdbc.sql("select message_id from notice_delivery").query(String.class).single());
        assertThat(noticeStatus()).isEqualTo("DELIVERED");
        assertThat(instance).isWaitingAt(DunningModel.EVENT_PURRING_DUE);
    }

    private String noticeStatus() {
        return jdbc.sql("select status from notice").query(String.class).single();
    }
}

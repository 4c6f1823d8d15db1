package no.purreflyt.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;

import jakarta.mail.Address;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.util.Map;
import no.purreflyt.support.IntegrationTest;
import no.purreflyt.support.TestMail;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * What goes wrong around the hand-off to the relay: the server fails after the relay took the mail (it is not sent
 * again), and the relay refuses the debtor's address (a person fixes the contact data, then the notice goes out).
 */
class MailFailuresIT extends IntegrationTest {

    static final LocalDate DUE = LocalDate.of(2026, 2, 26);
    static final LocalDate REMINDER_DAY = LocalDate.of(2026, 3, 5);

    @Autowired ProcessEngine engine;
    @Autowired TaskService tasks;
    @MockitoSpyBean NoticeRepository notices;
    @MockitoSpyBean JavaMailSender mailSender;
    @MockitoSpyBean Deliveries deliveries;

    ProcessInstance instance;

    @BeforeEach
    void aCase() {
        init(engine);
        customer("NO-1", "CONSUMER", "NO");
        invoice("INV-1", "NO-1", DUE, "1000.00", "NOK");
        post("/api/dunning-runs", null);
        instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey("INV-1").singleResult();
    }

    @Test
    void aNoticeTheRelayTookIsNotSentAgainWhenItsDeliveryIsRetried() {
        // the relay takes the mail, then the delivery's own transaction fails (as when the server stops)
        doThrow(new IllegalStateException("the server stopped")).doCallRealMethod()
                .when(notices).delivered(anyLong(), any(), any());

        travelTo(REMINDER_DAY);

        Job delivery = management.createJobQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(delivery.getRetries()).isEqualTo(2);
        assertThat(TestMail.received()).hasSize(1);
        assertThat(jdbc.sql("select status from notice").query(String.class).single()).isEqualTo("PREPARED");
        assertThat(jdbc.sql("select state from notice_delivery").query(String.class).single()).isEqualTo("SENT");

        timeTravel.setDateTime(REMINDER_DAY, NOON.plusMinutes(6));
        executeDueJobs();

        assertThat(TestMail.received()).hasSize(1);
        assertThat(jdbc.sql("select status from notice").query(String.class).single()).isEqualTo("DELIVERED");
        assertThat(instance).isWaitingAt("Event_PurringDue");
    }

    @Test
    void aMailTheRelayAcceptedIsSentOnceWhenTheConnectionFailsAsItIsClosed() {
        // the relay answers 250 to the message, then the connection breaks at QUIT: Spring's mail sender reports that
        // as a MailSendException naming no failed message (JavaMailSenderImpl.doSend, "after message sending")
        doAnswer(invocation -> {
            invocation.callRealMethod();
            throw new MailSendException("Failed to close server connection after message sending",
                    new jakarta.mail.MessagingException("[EOF]"));
        }).doCallRealMethod().when(mailSender).send(any(MimeMessage.class));

        travelTo(REMINDER_DAY);

        assertThat(TestMail.received()).hasSize(1);
        assertThat(jdbc.sql("select state from notice_delivery").query(String.class).single()).isEqualTo("SENT");
        assertThat(jdbc.sql("select status from notice").query(String.class).single()).isEqualTo("DELIVERED");
        assertThat(management.createJobQuery().processInstanceId(instance.getId()).withException().count()).isZero();
        assertThat(instance).isWaitingAt("Event_PurringDue");

        // and nothing goes out again later
        timeTravel.setDateTime(REMINDER_DAY, NOON.plusMinutes(6));
        executeDueJobs();
        assertThat(TestMail.received()).hasSize(1);
    }

    @Test
    void aHandOffWhoseOutcomeWasNotRecordedIsNotSentAgainUntilAPersonSaysWhatHappened() throws Exception {
        // the relay takes the mail, then the server stops before it records that: the delivery is SENDING for good
        doThrow(new IllegalStateException("the server stopped")).doCallRealMethod()
                .when(deliveries).outcome(anyLong(), eq(Deliveries.State.SENT), any(), any());

        travelTo(REMINDER_DAY);
        timeTravel.setDateTime(REMINDER_DAY, NOON.plusMinutes(6));
        executeDueJobs();

        Job delivery = management.createJobQuery().processInstanceId(instance.getId()).singleResult();
        String messageId = jdbc.sql("select message_id from notice_delivery").query(String.class).single();
        assertThat(delivery.getRetries()).isEqualTo(1);
        assertThat(delivery.getExceptionMessage()).contains("outcome was not recorded", messageId, "delivery-outcome");
        assertThat(TestMail.received()).hasSize(1);

        long noticeId = jdbc.sql("select id from notice").query(Long.class).single();
        var answer = post("/api/notices/" + noticeId + "/delivery-outcome", Map.of("handedOver", true));
        assertThat(answer.getStatusCode().value()).isEqualTo(204);
        timeTravel.setDateTime(REMINDER_DAY, NOON.plusMinutes(12));
        executeDueJobs();

        assertThat(TestMail.received()).hasSize(1);
        assertThat(TestMail.received()[0].getMessageID()).isEqualTo(messageId);
        assertThat(jdbc.sql("select status from notice").query(String.class).single()).isEqualTo("DELIVERED");
        assertThat(post("/api/notices/" + noticeId + "/delivery-outcome", Map.of("handedOver", false))
                .getStatusCode().value()).isEqualTo(409);
    }

    @Test
    void anAddressTheRelayRefusesGoesToFixContactDataAndTheCorrectedAddressGetsTheNotice() throws Exception {
        MimeMessage refused = mailSender.createMimeMessage();
        doThrow(new MailSendException(Map.of(refused, new SendFailedException("550 5.1.1 <no-1@example.com>: "
                + "Recipient address rejected: User unknown", null, new Address[0], new Address[0],
                new Address[] {new InternetAddress("no-1@example.com")}))))
                .doCallRealMethod().when(mailSender).send(any(MimeMessage.class));

        travelTo(REMINDER_DAY);

        assertThat(instance).isWaitingAt("Task_FixContactData");
        assertThat((String) runtime.getVariable(instance.getId(), "contactProblem"))
                .contains("The mail relay refused no-1@example.com", "User unknown");
        assertThat(jdbc.sql("select state from notice_delivery").query(String.class).single()).isEqualTo("REJECTED");
        assertThat(TestMail.received()).isEmpty();

        Task fix = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
        tasks.complete(fix.getId(), Map.of("email", "kari@example.no"));
        executeDueJobs();

        assertThat(TestMail.received()).hasSize(1);
        assertThat(TestMail.received()[0].getAllRecipients()[0].toString()).isEqualTo("kari@example.no");
        assertThat(jdbc.sql("select state || ' ' || attempts from notice_delivery").query(String.class).single())
                .isEqualTo("SENT 2");
        assertThat(instance).isWaitingAt("Event_PurringDue");
    }
}

package no.purreflyt.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import no.purreflyt.support.IntegrationTest;
import no.purreflyt.support.TestMail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The log lines about a case carry its invoice number and case id (the default pattern shows them as
 * "invoice=… case=…"); a request about an invoice carries its number.
 */
@ExtendWith(OutputCaptureExtension.class)
class CaseLogsIT extends IntegrationTest {

    static final LocalDate DUE = LocalDate.of(2026, 2, 26);
    static final LocalDate REMINDER_DAY = LocalDate.of(2026, 3, 5);

    @AfterEach
    void relayUp() {
        TestMail.server();
    }

    @Test
    void aDelegateRunByAJobLogsWithTheCasesInvoiceNumberAndCaseId(CapturedOutput output) {
        customer("NO-1", "CONSUMER", "NO");
        invoice("INV-17", "NO-1", DUE, "1000.00", "NOK");
        post("/api/dunning-runs", null);
        long caseId = jdbc.sql("select id from dunning_case").query(Long.class).single();

        // the reminder's delivery job: DeliverNotice, then MailDelivery logs the hand-off to the relay
        travelTo(REMINDER_DAY);

        String line = lineWith(output, "e-mailed to no-1@example.com");
        assertThat(line).contains("invoice=INV-17 case=" + caseId + " ");
        // a line outside any case or request carries neither
        assertThat(lineWith(output, "Dunning run")).doesNotContain("invoice=").doesNotContain("case=");
    }

    @Test
    void theEnginesReportOfAFailedJobCarriesTheCaseAndTheNextLinesDoNot(CapturedOutput output) {
        customer("NO-1", "CONSUMER", "NO");
        invoice("INV-19", "NO-1", DUE, "1000.00", "NOK");
        post("/api/dunning-runs", null);
        long caseId = jdbc.sql("select id from dunning_case").query(Long.class).single();
        TestMail.stop();

        travelTo(REMINDER_DAY);

        assertThat(lineWith(output, "ENGINE-16004")).contains("invoice=INV-19 case=" + caseId + " ")
                .contains("Couldn't connect to host");
        assertThat(org.slf4j.MDC.get(LogKeys.INVOICE_NUMBER)).isNull();
        assertThat(org.slf4j.MDC.get(LogKeys.CASE_ID)).isNull();
    }

    @Test
    void aRequestAboutAnInvoiceLogsWithItsNumberAndTheKeysAreGoneAfterwards(CapturedOutput output) {
        customer("NO-1", "CONSUMER", "NO");
        invoice("INV-18", "NO-1", DUE, "1000.00", "NOK");
        post("/api/dunning-runs", null);

        // the payment settles the invoice; the request correlates it to the case, and CaseCorrelation logs that
        assertThat(post("/api/invoices/INV-18/payments", Map.of("amount", "1000.00", "paidOn", TODAY.toString(),
                "externalId", "P-18")).getStatusCode().value()).isEqualTo(201);

        assertThat(lineWith(output, "Invoice INV-18: InvoiceSettled correlated")).contains("invoice=INV-18 ");
        assertThat(org.slf4j.MDC.get(LogKeys.INVOICE_NUMBER)).isNull();
        assertThat(org.slf4j.MDC.get(LogKeys.CASE_ID)).isNull();
    }

    private static String lineWith(CapturedOutput output, String text) {
        List<String> lines = output.getOut().lines().filter(line -> line.contains(text)).toList();
        assertThat(lines).as("lines with '%s'", text).isNotEmpty();
        return lines.get(lines.size() - 1);
    }
}

package no.purreflyt.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InvoiceLoggingFilterTest {

    @Test
    void theInvoiceNumberIsTakenFromEveryPathUnderAnInvoice() {
        assertThat(InvoiceLoggingFilter.invoiceNumber("/api/invoices/INV-1")).contains("INV-1");
        assertThat(InvoiceLoggingFilter.invoiceNumber("/api/invoices/INV-1/case")).contains("INV-1");
        assertThat(InvoiceLoggingFilter.invoiceNumber("/api/invoices/2026%2F17/payments")).contains("2026/17");
        assertThat(InvoiceLoggingFilter.invoiceNumber("/api/invoices/A+B/case")).contains("A+B");
    }

    @Test
    void otherPathsCarryNone() {
        assertThat(InvoiceLoggingFilter.invoiceNumber("/api/invoices")).isEmpty();
        assertThat(InvoiceLoggingFilter.invoiceNumber("/api/invoices/")).isEmpty();
        assertThat(InvoiceLoggingFilter.invoiceNumber("/api/invoices/import")).isEmpty();
        assertThat(InvoiceLoggingFilter.invoiceNumber("/api/customers/NO-1")).isEmpty();
    }
}

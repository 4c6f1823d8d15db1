package no.purreflyt.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class InvoiceNumbersTest {

    @Test
    void numbersCompareAsPeopleReadThem() {
        assertThat(List.of("1000", "999", "INV-2026-10", "INV-2026-9", "INV-2025-11", "A7").stream()
                .sorted(InvoiceNumbers.ORDER).toList())
                .containsExactly("999", "1000", "A7", "INV-2025-11", "INV-2026-9", "INV-2026-10");
    }

    @Test
    void startFromTakesTheNumberItselfAndLaterOnes() {
        assertThat(InvoiceNumbers.atOrAfter("10000", "10000")).isTrue();
        assertThat(InvoiceNumbers.atOrAfter("10001", "10000")).isTrue();
        assertThat(InvoiceNumbers.atOrAfter("9999", "10000")).isFalse();
        assertThat(InvoiceNumbers.atOrAfter("INV-9", "INV-10")).isFalse();
        assertThat(InvoiceNumbers.atOrAfter("anything", null)).isTrue();
    }
}

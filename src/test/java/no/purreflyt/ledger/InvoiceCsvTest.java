package no.purreflyt.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import no.purreflyt.web.ProblemException;
import org.junit.jupiter.api.Test;

class InvoiceCsvTest {

    @Test
    void readsColumnsInAnyOrderWithAByteOrderMark() {
        List<InvoiceCsv.Row> rows = InvoiceCsv.parse("\uFEFFcurrency,amount,dueDate,issueDate,customerExternalId,number,excluded\n"
                + "NOK,99.90,2026-01-15,2026-01-01,C-1,I-1,ja\n");

        InvoiceRequest r = rows.get(0).request();
        assertThat(r.number()).isEqualTo("I-1");
        assertThat(r.amount()).isEqualByComparingTo("99.90");
        assertThat(r.dueDate()).isEqualTo(LocalDate.of(2026, 1, 15));
        assertThat(r.excluded()).isTrue();
        assertThat(rows.get(0).problems()).isEmpty();
    }

    @Test
    void unreadableValuesBecomeProblemsOnTheirRow() {
        List<InvoiceCsv.Row> rows = InvoiceCsv.parse("number,customerExternalId,issueDate,dueDate,amount,currency\n"
                + "I-1,C-1,01.01.2026,2026-01-15,abc,NOK\n");

        assertThat(rows.get(0).problems()).extracting(p -> p.field()).containsExactly("issueDate", "amount");
        assertThat(rows.get(0).row()).isEqualTo(1);
        assertThat(rows.get(0).line()).isEqualTo(2);
    }

    @Test
    void rowWithTooFewValuesIsAProblem() {
        List<InvoiceCsv.Row> rows = InvoiceCsv.parse("number,customerExternalId,issueDate,dueDate,amount,currency\nI-1,C-1\n");

        assertThat(rows.get(0).problems()).hasSize(1);
        assertThat(rows.get(0).problems().get(0).message()).contains("2 values");
    }

    @Test
    void emptyInputIsRefused() {
        assertThatThrownBy(() -> InvoiceCsv.parse("  ")).isInstanceOf(ProblemException.class).hasMessageContaining("empty");
    }
}

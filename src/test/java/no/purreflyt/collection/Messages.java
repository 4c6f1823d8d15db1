package no.purreflyt.collection;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import no.purreflyt.collection.AgencyMessage.ClaimFacts;
import no.purreflyt.collection.AgencyMessage.Creditor;
import no.purreflyt.collection.AgencyMessage.Debtor;
import no.purreflyt.collection.AgencyMessage.Document;
import no.purreflyt.collection.AgencyMessage.InvoiceFacts;
import no.purreflyt.collection.AgencyMessage.NoticeFacts;
import no.purreflyt.collection.AgencyMessage.Type;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/** Messages as the process would build them, for the connector tests. */
final class Messages {

    /** Not a real PDF, but bytes that base64 and CSV would damage if they were mishandled (NUL, high bytes, quotes). */
    static final byte[] PDF = ("%PDF-1.7\n\u0000\u00ff\"quoted\",comma\r\nend").getBytes(StandardCharsets.ISO_8859_1);

    private Messages() {
    }

    /** A mapper configured as the application's (Spring Boot: ISO dates; application.yaml: no null fields). */
    static ObjectMapper applicationJson() {
        return Jackson2ObjectMapperBuilder.json()
                .featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .build();
    }

    static AgencyMessage handover(String messageId, String agency, String invoiceNumber, long caseId) {
        return new AgencyMessage(messageId, Type.HANDOVER, agency, Instant.parse("2026-03-02T11:00:00Z"), invoiceNumber,
                caseId,
                new Creditor("Fjord Fisk AS", "987 654 321", "1234.56.78903"),
                new Debtor("C-1", "Ola \"Fisker\" Nordmann, jr.", "CONSUMER", "ola@example.com", "Storgata 1",
                        null, "0155", "Oslo", "NO", "nb"),
                new InvoiceFacts(invoiceNumber, LocalDate.of(2025, 12, 1), LocalDate.of(2025, 12, 15),
                        new BigDecimal("1000.00"), "NOK", "1234567890128"),
                // 1000.00 principal + 12.34 interest + 35.00 + 35.00 purring fees... + 0.00 compensation = 1082.34
                new ClaimFacts(LocalDate.of(2026, 3, 2), new BigDecimal("1000.00"), new BigDecimal("12.50"),
                        LocalDate.of(2025, 12, 16), new BigDecimal("12.34"), new BigDecimal("70.00"),
                        new BigDecimal("0.00"), new BigDecimal("1082.34"), "NOK"),
                List.of(new NoticeFacts("PURRING", 1, LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 19),
                                new BigDecimal("35.00"), "EMAIL"),
                        new NoticeFacts("INKASSOVARSEL", 1, LocalDate.of(2026, 2, 2), LocalDate.of(2026, 2, 16),
                                new BigDecimal("35.00"), "POST")),
                new Document("inkassovarsel-" + invoiceNumber + ".pdf", "application/pdf", PDF),
                null, "handed over after the inkassovarsel's deadline");
    }

    static AgencyMessage payment(String messageId, String agency, String invoiceNumber, long caseId) {
        return AgencyMessage.about(messageId, Type.PAYMENT_RECEIVED, agency, Instant.parse("2026-03-05T09:30:00Z"),
                invoiceNumber, caseId,
                new AgencyMessage.Payment(new BigDecimal("250.00"), "NOK", LocalDate.of(2026, 3, 4), "KID 1234567890128"),
                "paid to the creditor directly");
    }
}

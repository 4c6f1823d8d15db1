package no.purreflyt.collection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import no.purreflyt.collection.CollectionProperties.Agency;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * "Sends" to a FILE agency by storing the message in the outbox (agency_export_message), in the caller's transaction:
 * the message exists exactly when the step that sent it committed. {@link AgencyExports} writes the stored messages
 * as batch files. Storing the same message id again stores nothing.
 */
class FileExportConnector implements AgencyConnector {

    private static final Logger log = LoggerFactory.getLogger(FileExportConnector.class);

    private final Agency agency;
    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    FileExportConnector(Agency agency, JdbcClient jdbc, ObjectMapper json, Clock clock) {
        this.agency = agency;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public void send(AgencyMessage message) {
        if (!agency.name().equals(message.agency())) {
            throw new IllegalArgumentException("Message " + message.messageId() + " is for agency '" + message.agency()
                    + "', not for '" + agency.name() + "'");
        }
        String payload;
        try {
            payload = json.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Message " + message.messageId() + " cannot be written as JSON", e);
        }
        // JdbcClient joins the caller's transaction. "where not exists" makes a retried send a no-op; two sends of one
        // id at the same moment meet the unique constraint instead, and the losing job's retry then finds the row.
        int stored = jdbc.sql("""
                insert into agency_export_message (agency, message_id, type, invoice_number, payload, created_at)
                select :agency, :messageId, :type, :invoiceNumber, :payload, :createdAt from (values (1)) as one (x)
                where not exists (select 1 from agency_export_message where message_id = :messageId)""")
                .param("agency", agency.name())
                .param("messageId", message.messageId())
                .param("type", message.type().name())
                .param("invoiceNumber", message.invoiceNumber())
                .param("payload", payload)
                .param("createdAt", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .update();
        if (stored == 1) {
            log.info("{} {} for invoice {} stored for the next batch file of agency {}", message.type(),
                    message.messageId(), message.invoiceNumber(), agency.name());
        } else {
            log.info("{} {} for invoice {} was already stored for agency {}; not stored again", message.type(),
                    message.messageId(), message.invoiceNumber(), agency.name());
        }
    }
}

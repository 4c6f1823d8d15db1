package no.purreflyt.collection;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import no.purreflyt.ledger.DunningCases;
import no.purreflyt.ledger.Invoice;
import no.purreflyt.ledger.LedgerService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cases handed over to a collection agency. Until the agency connectors exist, a handover is recorded as READY for
 * them with the principal it hands over; recording it twice (a retried job) records it once.
 */
@Service
public class Handovers {

    private static final Logger log = LoggerFactory.getLogger(Handovers.class);

    /** A recorded handover. */
    public record Handover(long caseId, String status, BigDecimal principal, String currency, String agency) {
    }

    private final JdbcClient jdbc;
    private final DunningCases cases;
    private final LedgerService ledger;
    private final Clock clock;

    Handovers(JdbcClient jdbc, DunningCases cases, LedgerService ledger, Clock clock) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** Records the case's handover to the agency its plan names (null for a case whose plan named none). */
    @Transactional
    public Handover handOver(long caseId, String agency) {
        Optional<Handover> existing = find(caseId);
        if (existing.isPresent()) {
            return existing.get();
        }
        Invoice invoice = ledger.invoice(cases.get(caseId).invoiceNumber());
        jdbc.sql("""
                insert into handover (case_id, status, principal, currency, agency, handed_over_at)
                values (:caseId, 'READY', :principal, :currency, :agency, :now)""")
                .param("caseId", caseId)
                .param("agency", agency)
                // a case whose principal is paid and whose fees are not hands over no principal
                .param("principal", invoice.outstanding().max(BigDecimal.ZERO))
                .param("currency", invoice.currency())
                .param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .update();
        log.info("Case {} (invoice {}) handed over: {} {} ready for the collection agency {}", caseId,
                invoice.number(), invoice.outstanding(), invoice.currency(), agency);
        return find(caseId).orElseThrow();
    }

    @Transactional(readOnly = true)
    public Optional<Handover> find(long caseId) {
        return jdbc.sql("select case_id, status, principal, currency, agency from handover where case_id = :c")
                .param("c", caseId)
                .query((rs, i) -> new Handover(rs.getLong("case_id"), rs.getString("status"), rs.getBigDecimal("principal"),
                        rs.getString("currency"), rs.getString("agency")))
                .optional();
    }
}

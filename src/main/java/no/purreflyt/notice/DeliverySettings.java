package no.purreflyt.notice;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How notices go out, switched at run time and shared by every node: whether an inkassovarsel may go by e-mail. Where
 * it may not, it goes by post (the print queue). Switching e-mail on brings the § 3a condition to the operator's eyes,
 * in the answer and in the log.
 */
@Service
public class DeliverySettings {

    private static final Logger log = LoggerFactory.getLogger(DeliverySettings.class);
    private static final String INKASSOVARSEL_BY_EMAIL = "delivery.inkassovarsel-by-email";

    /** REGULATION.md, Norway: inkassoloven § 3a. */
    static final String BETRYGGENDE_MAATE = "Inkassovarsler now go by e-mail. Inkassoloven § 3a allows an "
            + "inkassovarsel by e-mail only when it is sent \"på en betryggende måte\" (in a secure and reliable way), "
            + "for example to an e-mail address the debtor has used with you. Make sure the addresses in the customer "
            + "register are ones your debtors gave or use; where that is not certain, keep inkassovarsler by post.";

    public record View(boolean inkassovarselByEmail, List<String> warnings) {
    }

    private final JdbcClient jdbc;
    private final NoticeProperties properties;
    private final Clock clock;

    DeliverySettings(JdbcClient jdbc, NoticeProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public boolean inkassovarselByEmail() {
        return jdbc.sql("select setting_value from app_setting where name = :n").param("n", INKASSOVARSEL_BY_EMAIL)
                .query(String.class).optional().map(Boolean::parseBoolean).orElse(properties.inkassovarselByEmail());
    }

    @Transactional(readOnly = true)
    public View view() {
        boolean byEmail = inkassovarselByEmail();
        return new View(byEmail, byEmail ? List.of(BETRYGGENDE_MAATE) : List.of());
    }

    @Transactional
    public View change(boolean inkassovarselByEmail, String by) {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        String value = Boolean.toString(inkassovarselByEmail);
        int updated = jdbc.sql("update app_setting set setting_value = :v, changed_by = :by, changed_at = :now where name = :n")
                .param("v", value).param("by", by).param("now", now).param("n", INKASSOVARSEL_BY_EMAIL).update();
        if (updated == 0) {
            jdbc.sql("insert into app_setting (name, setting_value, changed_by, changed_at) values (:n, :v, :by, :now)")
                    .param("v", value).param("by", by).param("now", now).param("n", INKASSOVARSEL_BY_EMAIL).update();
        }
        if (inkassovarselByEmail) {
            log.warn("{} switched on automatic e-mail of inkassovarsler. {}", by, BETRYGGENDE_MAATE);
        } else {
            log.info("{} switched e-mail of inkassovarsler off: they go by post", by);
        }
        return view();
    }

    @EventListener(ApplicationReadyEvent.class)
    void warnAtStart() {
        if (inkassovarselByEmail()) {
            log.warn("{}", BETRYGGENDE_MAATE);
        }
    }
}

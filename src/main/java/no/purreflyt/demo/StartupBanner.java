package no.purreflyt.demo;

import java.time.Clock;
import java.time.ZonedDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Prints where each kind of user works once the application is ready, and the demo logins where they exist. */
@Component
class StartupBanner {

    private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);

    private final Environment environment;
    private final DemoProperties demo;
    private final Clock clock;

    StartupBanner(Environment environment, DemoProperties demo, Clock clock) {
        this.environment = environment;
        this.demo = demo;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void print() {
        String base = "http://localhost:" + environment.getProperty("local.server.port", "8080");
        StringBuilder text = new StringBuilder("\n\n  Purreflyt is ready (business time ").append(ZonedDateTime.now(clock)).append(")\n")
                .append("    Cockpit  (managers)           ").append(base).append("/camunda/app/cockpit/\n")
                .append("    Overview (managers)           ").append(base).append("/overview\n")
                .append("    Tasklist (credit controllers) ").append(base).append("/camunda/app/tasklist/\n")
                .append("    Admin    (users and groups)   ").append(base).append("/camunda/app/admin/\n")
                .append("    API docs (integrators)        ").append(base).append("/swagger-ui.html\n")
                .append("    Engine REST API               ").append(base).append("/engine-rest\n");
        if (environment.getProperty("purreflyt.mail-sink.enabled", Boolean.class, false)) {
            text.append("    Mail sink (e-mails sent)      ").append(base).append("/mail-sink\n");
        }
        text.append("    Letters to print today        ").append(base).append("/api/letters?date=")
                .append(java.time.LocalDate.now(clock)).append("\n");
        text.append("    Dunning plans                 ").append(base).append("/api/plans\n")
                .append("    The next run, before it runs  ").append(base).append("/api/dunning-runs/next\n");
        if (demo.enabled()) {
            text.append("  Demo logins (user/password): demo/demo (admin), controller/controller, manager/manager, designer/designer\n");
        }
        log.info(text.toString());
    }
}

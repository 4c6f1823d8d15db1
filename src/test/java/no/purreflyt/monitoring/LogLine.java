package no.purreflyt.monitoring;

import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Configuration;

/**
 * A JVM of its own for StructuredLogsIT: Spring Boot sets up logging from application.yaml for the given profiles and
 * environment, then one line about a case is logged. No beans, no database: only the logging is the application's.
 */
public final class LogLine {

    static final String MESSAGE = "A line about a case";

    @Configuration(proxyBeanMethods = false)
    static class Nothing {
    }

    public static void main(String[] args) {
        try (var context = new SpringApplicationBuilder(Nothing.class).web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF).logStartupInfo(false).run(args)) {
            MDC.put(LogKeys.INVOICE_NUMBER, "INV-7");
            MDC.put(LogKeys.CASE_ID, "42");
            LoggerFactory.getLogger(LogLine.class).info(MESSAGE);
            MDC.clear();
        }
    }

    private LogLine() {
    }
}

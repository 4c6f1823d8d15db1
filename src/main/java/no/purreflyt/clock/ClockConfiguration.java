package no.purreflyt.clock;

import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The one {@link Clock} of the application: the system clock, or an adjustable one where time travel is on. */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    @Bean
    Clock clock(ClockProperties properties, JdbcClient jdbc) {
        Clock system = Clock.system(properties.zone());
        if (!properties.adjustable()) {
            return system;
        }
        // The offset survives a restart, so a demo or test system keeps its business date.
        Duration offset = jdbc.sql("select offset_seconds from business_clock where id = 1")
                .query(Long.class).optional()
                .map(Duration::ofSeconds)
                .orElse(Duration.ZERO);
        return new AdjustableClock(system, offset);
    }
}

package no.purreflyt.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Map;
import no.purreflyt.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Without time travel (as in production) the clock endpoint does not exist and the clock is the system's. */
@ExtendWith(TestDatabase.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "purreflyt.clock.adjustable=false")
@ActiveProfiles("test")
class FixedClockIT {

    @Autowired TestRestTemplate http;
    @Autowired Clock clock;
    @Autowired org.camunda.bpm.engine.IdentityService identity;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @Test
    void clockEndpointIsNotFoundWithoutTimeTravel() {
        if (identity.createUserQuery().userId("fixed-clock-admin").count() == 0) {
            var user = identity.newUser("fixed-clock-admin");
            user.setPassword("Fixed-clock-1");
            identity.saveUser(user);
            identity.createMembership("fixed-clock-admin", "camunda-admin");
        }

        var response = http.withBasicAuth("fixed-clock-admin", "Fixed-clock-1")
                .postForEntity("/api/admin/clock", Map.of("advanceDays", 1), String.class);

        assertThat(response.getStatusCode().value()).isEqualTo(404);
        assertThat(clock).isNotInstanceOf(AdjustableClock.class);
    }
}

package no.purreflyt.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import no.purreflyt.PurreflytApplication;
import no.purreflyt.support.IntegrationTest;
import no.purreflyt.support.TestDatabase;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The production profile refuses to start in a state an operator must not run in. */
class ProductionProfileIT extends IntegrationTest {

    @Test
    void refusesToStartWhileAUserKeepsADefaultPassword() {
        User weak = identity.newUser("weak-user");
        weak.setPassword("manager");
        identity.saveUser(weak);
        try {
            assertThatThrownBy(() -> production("--spring.datasource.url=" + TestDatabase.URL,
                    "--spring.datasource.username=" + TestDatabase.USER, "--spring.datasource.password=" + TestDatabase.PASSWORD))
                    .rootCause().hasMessageContaining("weak-user").hasMessageContaining("default password");
        } finally {
            identity.deleteUser("weak-user");
        }
    }

    @Test
    void startsWhenNoUserHasADefaultPassword() {
        try (var context = production("--spring.datasource.url=" + TestDatabase.URL,
                "--spring.datasource.username=" + TestDatabase.USER, "--spring.datasource.password=" + TestDatabase.PASSWORD)) {
            assertThat(context.getEnvironment().getProperty("purreflyt.clock.adjustable")).isEqualTo("false");
            assertThat(context.containsBean("demoData")).isFalse();
        }
    }

    @Test
    void refusesToStartWhileAnAgencyKeepsTheDemoSecret() {
        assertThatThrownBy(() -> production("--spring.datasource.url=" + TestDatabase.URL,
                "--spring.datasource.username=" + TestDatabase.USER, "--spring.datasource.password=" + TestDatabase.PASSWORD,
                "--purreflyt.collection.agencies[0].secret=demo-agency-secret"))
                .hasStackTraceContaining("purreflyt.collection.agencies[0].secret (Demo Inkasso AS) is the demo secret");
    }

    @Test
    void refusesToStartOnH2() {
        assertThatThrownBy(() -> production("--spring.datasource.url=jdbc:h2:mem:production-check"))
                .rootCause().hasMessageContaining("needs PostgreSQL");
    }

    @Test
    void refusesToStartWithoutTheCreditorWhoseNameTheLettersCarry() {
        assertThatThrownBy(() -> production("--spring.datasource.url=" + TestDatabase.URL,
                "--spring.datasource.username=" + TestDatabase.USER, "--spring.datasource.password=" + TestDatabase.PASSWORD,
                "--purreflyt.creditor.name=", "--purreflyt.creditor.bank-account="))
                .hasStackTraceContaining("purreflyt.creditor").hasStackTraceContaining("bankAccount")
                .hasStackTraceContaining("name");
    }

    private static org.springframework.context.ConfigurableApplicationContext production(String... args) {
        String[] common = {"--server.port=0", "--camunda.bpm.process-engine-name=productioncheck",
                "--camunda.bpm.job-execution.enabled=false", "--purreflyt.case-starter.scheduled=false",
                "--camunda.bpm.webapp.enabled=false",
                // logging is the JVM's: production's JSON lines would go on through the rest of the suite's output
                "--logging.structured.format.console="};
        // a creditor unless the test states its own (a repeated command-line key would join both values)
        String[] creditor = java.util.Arrays.stream(args).anyMatch(arg -> arg.startsWith("--purreflyt.creditor."))
                ? new String[0]
                : new String[] {"--purreflyt.creditor.name=Nordlys Regnskap AS",
                        "--purreflyt.creditor.organisation-number=912 345 678",
                        "--purreflyt.creditor.address=Postboks 1,0101 Oslo", "--purreflyt.creditor.bank-account=1503.12.34567",
                        "--purreflyt.creditor.phone=+47 22 00 00 00", "--purreflyt.creditor.email=regnskap@nordlys.example"};
        // the shipped agency, with a secret of its own unless the test states one (an indexed key on the command line
        // replaces the whole list of application.yaml, so the agency is given whole)
        String[] agency = {"--purreflyt.collection.agencies[0].name=Demo Inkasso AS",
                "--purreflyt.collection.agencies[0].connector=FILE",
                "--purreflyt.collection.agencies[0].directory=target/agency-exports/production-check"};
        String[] agencySecret = java.util.Arrays.stream(args).anyMatch(arg -> arg.startsWith("--purreflyt.collection."))
                ? new String[0] : new String[] {"--purreflyt.collection.agencies[0].secret=a-secret-agreed-with-the-agency"};
        String[] all = java.util.stream.Stream.of(common, creditor, agency, agencySecret, args).flatMap(java.util.Arrays::stream)
                .toArray(String[]::new);
        return new SpringApplicationBuilder(PurreflytApplication.class).profiles("production").run(all);
    }
}

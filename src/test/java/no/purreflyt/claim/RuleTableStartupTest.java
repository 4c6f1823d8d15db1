package no.purreflyt.claim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import no.purreflyt.rules.RuleTables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** A bad table in the operator's directory stops start-up with one sentence naming file and line. */
class RuleTableStartupTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(RulesProperties.class)
    static class Rules {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(Rules.class, RulesConfiguration.class);

    @TempDir
    Path directory;

    @Test
    void aGapInTheOperatorsTableStopsStartUpWithFileAndLine() throws IOException {
        Files.writeString(directory.resolve("no-standardkompensasjon.csv"),
                "from,to,amount,source,confidence\n2027-07-01,2027-12-31,440,operator,[1]\n");

        context.withPropertyValues("purreflyt.rules.directory=" + directory).run(started -> {
            assertThat(started).hasFailed();
            Throwable failure = started.getStartupFailure();
            FailureAnalysis analysis = new RuleTableFailureAnalyzer().analyze(failure);
            assertThat(analysis.getDescription()).contains("no-standardkompensasjon.csv line 2").contains("gap");
            assertThat(analysis.getAction()).contains("purreflyt.rules.directory");
        });
    }

    @Test
    void theShippedTablesAndAnInForceDateStartUp() {
        context.withPropertyValues("purreflyt.rules.new-inkassolov-from=2027-01-01").run(started -> {
            assertThat(started).hasNotFailed();
            assertThat(started.getBean(RuleTables.class).all()).hasSize(6);
            assertThat(started.getBean(no.purreflyt.rules.Regimes.class).newInkassolovFrom())
                    .isEqualTo(java.time.LocalDate.of(2027, 1, 1));
        });
    }

    @Test
    void theAnalyzerIgnoresOtherFailures() {
        assertThat(new RuleTableFailureAnalyzer().analyze(new IllegalStateException("other"))).isNull();
    }
}

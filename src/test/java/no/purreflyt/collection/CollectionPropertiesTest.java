package no.purreflyt.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import no.purreflyt.collection.CollectionProperties.Connector;
import no.purreflyt.collection.CollectionProperties.Format;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** A wrong agency setting stops the start with a sentence that names it; a right one binds with its defaults. */
class CollectionPropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(CollectionProperties.class)
    static class Settings {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Settings.class);

    @Test
    void aFileAndAWebhookAgencyBindWithTheDefaults() {
        context.withPropertyValues(
                "purreflyt.collection.agencies[0].name=Demo Inkasso AS",
                "purreflyt.collection.agencies[0].connector=FILE",
                "purreflyt.collection.agencies[0].directory=target/exports",
                "purreflyt.collection.agencies[0].secret=s1",
                "purreflyt.collection.agencies[1].name=Nord Inkasso AS",
                "purreflyt.collection.agencies[1].connector=WEBHOOK",
                "purreflyt.collection.agencies[1].url=https://nord.example/hooks",
                "purreflyt.collection.agencies[1].secret=s2").run(started -> {
            assertThat(started).hasNotFailed();
            CollectionProperties properties = started.getBean(CollectionProperties.class);
            assertThat(properties.webhookTimeout()).isEqualTo(Duration.ofSeconds(10));
            assertThat(properties.exportInterval()).isEqualTo(Duration.ofMinutes(5));
            assertThat(properties.agencies()).hasSize(2);
            assertThat(properties.agencies().get(0).format()).isEqualTo(Format.JSON);
            assertThat(properties.agencies().get(1).connector()).isEqualTo(Connector.WEBHOOK);
            assertThat(properties.agencies().get(1).toString()).doesNotContain("s2");
        });
    }

    @Test
    void aWebhookAgencyWithoutUrlStopsTheStartNamingTheSetting() {
        context.withPropertyValues(
                "purreflyt.collection.agencies[0].name=Demo Inkasso AS",
                "purreflyt.collection.agencies[0].connector=FILE",
                "purreflyt.collection.agencies[0].directory=target/exports",
                "purreflyt.collection.agencies[0].secret=s1",
                "purreflyt.collection.agencies[1].name=Nord Inkasso AS",
                "purreflyt.collection.agencies[1].connector=WEBHOOK",
                "purreflyt.collection.agencies[1].secret=s2").run(started -> assertThat(rootMessage(started))
                .isEqualTo("purreflyt.collection.agencies[1].url is required for a WEBHOOK agency"));
    }

    @Test
    void everyMistakeIsNamedAtOnce() {
        context.withPropertyValues(
                "purreflyt.collection.agencies[0].name=Demo Inkasso AS",
                "purreflyt.collection.agencies[0].connector=FILE",
                "purreflyt.collection.agencies[1].name=demo inkasso as",
                "purreflyt.collection.agencies[1].connector=WEBHOOK",
                "purreflyt.collection.agencies[1].url=ftp://nord.example/drop",
                "purreflyt.collection.agencies[1].format=CSV",
                "purreflyt.collection.agencies[1].secret=s2").run(started -> assertThat(rootMessage(started))
                .contains("purreflyt.collection.agencies[0].directory is required for a FILE agency")
                .contains("purreflyt.collection.agencies[0].secret is required")
                .contains("purreflyt.collection.agencies[1].name 'demo inkasso as' is given to two agencies")
                .contains("purreflyt.collection.agencies[1].url must be an http or https URL")
                .contains("purreflyt.collection.agencies[1].format applies to a FILE agency only"));
    }

    @Test
    void anUnknownConnectorIsNamed() {
        context.withPropertyValues(
                "purreflyt.collection.agencies[0].name=Demo Inkasso AS",
                "purreflyt.collection.agencies[0].connector=SFTP",
                "purreflyt.collection.agencies[0].secret=s1").run(started -> {
            assertThat(started).hasFailed();
            // Spring's binder names the property and the value it could not convert
            assertThat(started.getStartupFailure()).hasStackTraceContaining("purreflyt.collection.agencies[0].connector");
        });
    }

    private static String rootMessage(org.springframework.boot.test.context.assertj.AssertableApplicationContext started) {
        assertThat(started).hasFailed();
        Throwable failure = started.getStartupFailure();
        while (failure.getCause() != null) {
            failure = failure.getCause();
        }
        return failure.getMessage();
    }
}

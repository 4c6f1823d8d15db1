package no.purreflyt.posting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The postings' settings: NS 4102 defaults without any, and a blank account stops the start naming it. */
class PostingPropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(PostingProperties.class)
    static class Settings {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Settings.class);

    @Test
    void withoutSettingsTheAccountsAreTheStandardOnesAndNoVat() {
        context.run(started -> {
            PostingProperties properties = started.getBean(PostingProperties.class);
            assertThat(properties.accounts()).isEqualTo(new PostingProperties.Accounts(
                    "1500", "1550", "1580", "3900", "3900", "8050", "7830"));
            assertThat(properties.vatCode()).isEqualTo("0");
        });
    }

    @Test
    void anAccountCanBeSetAlone() {
        context.withPropertyValues("purreflyt.postings.accounts.losses=7820").run(started -> {
            PostingProperties.Accounts accounts = started.getBean(PostingProperties.class).accounts();
            assertThat(accounts.losses()).isEqualTo("7820");
            assertThat(accounts.receivable()).isEqualTo("1500");
        });
    }

    @Test
    void aBlankAccountStopsTheStartNamingIt() {
        context.withPropertyValues("purreflyt.postings.accounts.receivable-at-agency= ").run(started -> {
            assertThat(started).hasFailed();
            assertThat(started.getStartupFailure()).rootCause().hasMessageContaining("accounts.receivableAtAgency");
        });
    }
}

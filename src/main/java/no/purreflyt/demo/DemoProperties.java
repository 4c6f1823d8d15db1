package no.purreflyt.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param enabled demo users, customers and invoices, and a first dunning run at start-up (embedded default only) */
@ConfigurationProperties("purreflyt.demo")
public record DemoProperties(boolean enabled) {
}

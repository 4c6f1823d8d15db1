package no.purreflyt.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param refuseDefaultPasswords refuse to start while any user's password is a demo password or the
 *                               user's own id (on in the production profile)
 */
@ConfigurationProperties("purreflyt.security")
public record SecurityProperties(boolean refuseDefaultPasswords) {
}

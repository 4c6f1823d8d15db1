package no.purreflyt.claim;

import java.nio.file.Path;
import java.time.LocalDate;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where the legal rules come from.
 *
 * @param directory          a directory of table files laid over the shipped ones (same file names); none by default
 * @param newInkassolovFrom  the first day under the new Norwegian inkassolov, when it is decided; unset until then
 */
@Validated
@ConfigurationProperties("purreflyt.rules")
public record RulesProperties(Path directory, LocalDate newInkassolovFrom) {
}

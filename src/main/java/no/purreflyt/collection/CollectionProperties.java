package no.purreflyt.collection;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The collection agencies cases are handed over to (purreflyt.collection), and how we reach each one.
 *
 * <p>The rules that depend on an agency's connector (a FILE agency needs a directory, a WEBHOOK agency a URL) are
 * checked here, with the index of the agency in the list, because a Bean Validation message could not name
 * {@code purreflyt.collection.agencies[1].url}; a wrong setting stops the start with those sentences.
 *
 * @param agencies       the agencies plans may name in their handover step
 * @param webhookTimeout how long a WEBHOOK agency may take to connect and to answer
 * @param exportInterval how often the FILE agencies' messages are written as a batch file
 */
@Validated
@ConfigurationProperties("purreflyt.collection")
public record CollectionProperties(
        List<Agency> agencies,
        @NotNull @DefaultValue("PT10S") Duration webhookTimeout,
        @NotNull @DefaultValue("PT5M") Duration exportInterval) {

    static final String PREFIX = "purreflyt.collection";

    /** How an agency receives our messages. */
    public enum Connector {
        /** Batch files in a directory the agency collects from (SFTP drop, shared folder). */
        FILE,
        /** A signed HTTP POST per message. */
        WEBHOOK
    }

    /** The layout of a FILE agency's batch files. */
    public enum Format {
        JSON, CSV
    }

    /**
     * One collection agency.
     *
     * @param name      the name a plan's handover step names the agency by
     * @param directory where a FILE agency's batch files are written
     * @param format    a FILE agency's file layout (JSON unless set)
     * @param url       where a WEBHOOK agency receives our messages (http or https)
     * @param secret    signs our webhooks and verifies this agency's callbacks
     */
    public record Agency(String name, Connector connector, Path directory, Format format, URI url, String secret) {

        @Override
        public String toString() {
            // never print the secret into a log or a failure message
            return "Agency[name=" + name + ", connector=" + connector + ", directory=" + directory + ", format="
                    + format + ", url=" + url + "]";
        }
    }

    public CollectionProperties {
        agencies = agencies == null ? List.of() : List.copyOf(agencies);
        List<String> problems = new ArrayList<>();
        if (webhookTimeout != null && (webhookTimeout.isNegative() || webhookTimeout.isZero())) {
            problems.add(PREFIX + ".webhook-timeout must be longer than zero");
        }
        if (exportInterval != null && (exportInterval.isNegative() || exportInterval.isZero())) {
            problems.add(PREFIX + ".export-interval must be longer than zero");
        }
        List<Agency> checked = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < agencies.size(); i++) {
            checked.add(check(i, agencies.get(i), names, problems));
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        agencies = List.copyOf(checked);
    }

    private static Agency check(int index, Agency agency, Set<String> names, List<String> problems) {
        String at = PREFIX + ".agencies[" + index + "]";
        if (agency.name() == null || agency.name().isBlank()) {
            problems.add(at + ".name must not be blank");
        } else if (!names.add(agency.name().strip().toLowerCase(Locale.ROOT))) {
            problems.add(at + ".name '" + agency.name() + "' is given to two agencies");
        }
        if (agency.secret() == null || agency.secret().isBlank()) {
            problems.add(at + ".secret is required: it signs our messages to the agency and verifies its callbacks");
        }
        if (agency.connector() == null) {
            problems.add(at + ".connector is required: FILE or WEBHOOK");
            return agency;
        }
        Format format = agency.format();
        switch (agency.connector()) {
            case FILE -> {
                if (agency.directory() == null) {
                    problems.add(at + ".directory is required for a FILE agency");
                }
                if (agency.url() != null) {
                    problems.add(at + ".url applies to a WEBHOOK agency only; this one is FILE");
                }
                format = format == null ? Format.JSON : format;
            }
            case WEBHOOK -> {
                if (agency.url() == null) {
                    problems.add(at + ".url is required for a WEBHOOK agency");
                } else if (!agency.url().isAbsolute() || agency.url().getHost() == null
                        || !List.of("http", "https").contains(agency.url().getScheme().toLowerCase(Locale.ROOT))) {
                    problems.add(at + ".url must be an http or https URL with a host, not '" + agency.url() + "'");
                }
                if (agency.directory() != null) {
                    problems.add(at + ".directory applies to a FILE agency only; this one is WEBHOOK");
                }
                if (format != null) {
                    problems.add(at + ".format applies to a FILE agency only; this one is WEBHOOK");
                }
            }
        }
        return new Agency(agency.name() == null ? null : agency.name().strip(), agency.connector(), agency.directory(),
                format, agency.url(), agency.secret());
    }
}

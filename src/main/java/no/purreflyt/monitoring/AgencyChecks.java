package no.purreflyt.monitoring;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The checks behind the agencies' health, each answering the sentence an operator reads when it fails. Kept apart from
 * the indicator so that each can be tried on a real directory or socket.
 */
final class AgencyChecks {

    private AgencyChecks() {
    }

    /**
     * Whether the export can write a FILE agency's batch files: the directory exists or can be created (as the export
     * itself would), and a file can be written in it. A real write, because permissions alone do not tell (a read-only
     * mount, a full disk, root ignoring the mode bits).
     */
    static Optional<String> directoryProblem(Path directory) {
        Path absolute = directory.toAbsolutePath();
        try {
            Files.createDirectories(absolute);
        } catch (FileAlreadyExistsException notADirectory) {
            return Optional.of("directory " + absolute + " is a file, not a directory");
        } catch (IOException | SecurityException e) {
            return Optional.of("directory " + absolute + " does not exist and cannot be created (" + describe(e) + ")");
        }
        try {
            // a dot file, which the agency's collector skips as it skips our part files
            Path probe = Files.createTempFile(absolute, ".purreflyt-health-", ".tmp");
            Files.delete(probe);
            return Optional.empty();
        } catch (IOException | SecurityException e) {
            return Optional.of("directory " + absolute + " is not writable (" + describe(e) + ")");
        }
    }

    /**
     * Whether the oldest message still waiting for its batch file (unbatched, or in a batch that could not be written)
     * has waited longer than two export intervals: then at least one export has passed it by.
     */
    static Optional<String> outboxProblem(Instant oldestWaiting, long waiting, Instant now, Duration exportInterval) {
        if (oldestWaiting == null || !oldestWaiting.isBefore(now.minus(exportInterval.multipliedBy(2)))) {
            return Optional.empty();
        }
        return Optional.of(waiting + " message(s) wait for their batch file, the oldest since " + oldestWaiting
                + ", longer than twice purreflyt.collection.export-interval (" + exportInterval
                + "): the export fails (see the log, GET /api/agency-exports)");
    }

    /**
     * The open incidents of jobs that could not reach the agency: the connector's {@code AgencyUnavailableException}
     * starts its message, which becomes the incident's, with "Agency " and the agency's name.
     */
    static Optional<String> incidentProblem(String agency, List<String> incidentMessages) {
        List<String> ours = incidentMessages.stream().filter(message -> message != null
                && message.startsWith("Agency " + agency + " ")).toList();
        if (ours.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(ours.size() + " open incident(s) of messages it did not take, the first: " + ours.get(0));
    }

    /** Whether a TCP connection to the agency's host and port opens within the timeout (no request is sent). */
    static Optional<String> connectProblem(URI url, Duration timeout) {
        int port = url.getPort() != -1 ? url.getPort() : "https".equals(url.getScheme().toLowerCase(Locale.ROOT)) ? 443 : 80;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(url.getHost(), port), (int) Math.max(1, timeout.toMillis()));
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.of("no connection to " + url.getHost() + ":" + port + " within " + timeout.toMillis() + " ms ("
                    + describe(e) + ")");
        }
    }

    private static String describe(Exception e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}

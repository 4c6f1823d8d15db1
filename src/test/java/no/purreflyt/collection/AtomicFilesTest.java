package no.purreflyt.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A batch file appears whole under its name or not at all, whatever happens while it is written. */
class AtomicFilesTest {

    @TempDir
    Path directory;

    @Test
    void aWriterThatFailsHalfwayLeavesNeitherTheFileNorItsPart() {
        Path target = directory.resolve("purreflyt-demo-batch-00000001.json");

        assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
            out.write(new byte[100_000]);
            throw new IOException("disk full (simulated)");
        })).isInstanceOf(IOException.class).hasMessage("disk full (simulated)");

        assertThat(target).doesNotExist();
        assertThat(AtomicFiles.partOf(target)).doesNotExist();
        assertThat(directory).isEmptyDirectory();
    }

    @Test
    void aFailedRewriteKeepsTheFileWrittenBefore() throws IOException {
        Path target = directory.resolve("batch.json");
        AtomicFiles.write(target, out -> out.write("first".getBytes()));

        assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
            out.write("sec".getBytes());
            throw new IllegalStateException("payload unreadable");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(target).hasContent("first");
        assertThat(AtomicFiles.partOf(target)).doesNotExist();
    }

    @Test
    void aWatcherOfTheDirectoryNeverSeesTheFinalNameWithPartOfTheContent() throws Exception {
        Path target = directory.resolve("purreflyt-demo-batch-00000002.json");
        byte[] chunk = new byte[256 * 1024];
        Arrays.fill(chunk, (byte) 'x');
        int chunks = 160; // 40 MiB
        long size = (long) chunk.length * chunks;

        AtomicBoolean done = new AtomicBoolean();
        AtomicInteger looks = new AtomicInteger();
        AtomicInteger sawPart = new AtomicInteger();
        List<String> violations = new CopyOnWriteArrayList<>();
        Thread watcher = new Thread(() -> {
            // bounded: it stops when the writer is done, and after at most 60 s in any case
            long until = System.nanoTime() + 60_000_000_000L;
            while (!done.get() && System.nanoTime() < until) {
                looks.incrementAndGet();
                try (Stream<Path> files = Files.list(directory)) {
                    for (Path file : files.toList()) {
                        if (file.equals(AtomicFiles.partOf(target))) {
                            sawPart.incrementAndGet();
                        } else if (file.equals(target)) {
                            long seen = Files.size(file);
                            if (seen != size) {
                                violations.add("final name with " + seen + " of " + size + " bytes");
                            }
                        } else {
                            violations.add("unexpected file " + file.getFileName());
                        }
                    }
                } catch (IOException vanished) {
                    // the part file was renamed between list and size: not a violation
                }
            }
        });
        watcher.start();

        AtomicFiles.write(target, out -> {
            for (int i = 0; i < chunks; i++) {
                out.write(chunk);
                if (i % 16 == 0) {
                    out.flush();
                    Thread.onSpinWait();
                }
            }
        });
        done.set(true);
        watcher.join();

        assertThat(violations).isEmpty();
        // the watcher looked while the file was being written, so it had its chance to catch a partial file
        assertThat(sawPart.get()).isPositive();
        assertThat(looks.get()).isGreaterThan(1);
        assertThat(Files.size(target)).isEqualTo(size);
        assertThat(AtomicFiles.partOf(target)).doesNotExist();
    }
}

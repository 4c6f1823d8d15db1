package no.purreflyt.collection;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a file so that a reader of its directory (an agency's collector) sees either nothing or the whole file under
 * its name, never a half-written one: the content goes to {@code .<name>.part} beside it, is forced to disk, and is
 * renamed onto the name in one atomic step. The part file is removed when writing fails.
 */
final class AtomicFiles {

    /** Writes the file's content; may fail with an IOException. */
    @FunctionalInterface
    interface IoConsumer<T> {
        void accept(T value) throws IOException;
    }

    private AtomicFiles() {
    }

    /** The hidden name the content is written under first (collectors skip dot files). */
    static Path partOf(Path target) {
        return target.resolveSibling("." + target.getFileName() + ".part");
    }

    static void write(Path target, IoConsumer<OutputStream> content) throws IOException {
        Path directory = target.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path part = partOf(target);
        try {
            try (FileChannel channel = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 64 * 1024);
                content.accept(out);
                out.flush();
                // on disk before the rename: after a power cut the name never points at an empty or short file
                channel.force(true);
            }
            // a rename within one directory; it replaces a file of the same name left by an earlier try of the batch
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException | Error failed) {
            try {
                Files.deleteIfExists(part);
            } catch (IOException cleanup) {
                failed.addSuppressed(cleanup);
            }
            throw failed;
        }
        forceDirectory(directory);
    }

    /** Makes the rename itself durable; a file system that cannot sync a directory keeps the rename as it can. */
    private static void forceDirectory(Path directory) {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | UnsupportedOperationException notSupported) {
            // Windows cannot open a directory as a channel; the rename is done, only its durability is the OS's
        }
    }
}

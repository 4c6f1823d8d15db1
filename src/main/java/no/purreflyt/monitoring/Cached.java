package no.purreflyt.monitoring;

import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A value read again only when the last reading is older than the refresh time. Measured on the monotonic clock, not
 * the business clock: time travel must not freeze or flood the readings.
 */
final class Cached<T> {

    private final Supplier<T> reader;
    private final long refreshNanos;
    private final LongSupplier nanoTime;

    private T value;
    private long readAt;

    Cached(Supplier<T> reader, Duration refresh, LongSupplier nanoTime) {
        this.reader = reader;
        this.refreshNanos = refresh.toNanos();
        this.nanoTime = nanoTime;
    }

    /** The last reading, or a new one where it is too old. One scrape reads many gauges at once: they share one read. */
    synchronized T get() {
        long now = nanoTime.getAsLong();
        if (value == null || now - readAt >= refreshNanos) {
            value = reader.get();
            readAt = now;
        }
        return value;
    }
}

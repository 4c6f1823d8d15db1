package no.purreflyt.benchmark;

import java.util.Arrays;

/** Durations of repeated calls, in nanoseconds as measured; read back as counts, rates and percentiles in milliseconds. */
final class Latencies {

    private long[] nanos = new long[1024];
    private int count;
    private long wallNanos;

    void add(long durationNanos) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = durationNanos;
    }

    /** The wall-clock time the calls took together (for the rate), when it differs from their sum. */
    void wall(long wallNanos) {
        this.wallNanos = wallNanos;
    }

    int count() {
        return count;
    }

    double perSecond() {
        long wall = wallNanos > 0 ? wallNanos : Arrays.stream(nanos, 0, count).sum();
        return wall == 0 ? 0 : count / (wall / 1e9);
    }

    /** The q-quantile (0.5 = median) in milliseconds, nearest rank. */
    double millis(double q) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(q * count);
        return sorted[Math.max(0, Math.min(count - 1, rank - 1))] / 1e6;
    }
}

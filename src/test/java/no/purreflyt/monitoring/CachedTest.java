package no.purreflyt.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CachedTest {

    final AtomicLong nanos = new AtomicLong(1_000);
    final AtomicInteger reads = new AtomicInteger();

    @Test
    void readingsWithinTheRefreshTimeShareOneRead() {
        Cached<Integer> cached = new Cached<>(reads::incrementAndGet, Duration.ofSeconds(15), nanos::get);

        assertThat(cached.get()).isEqualTo(1);
        nanos.addAndGet(Duration.ofSeconds(15).toNanos() - 1);
        assertThat(cached.get()).isEqualTo(1);
        nanos.addAndGet(1);
        assertThat(cached.get()).isEqualTo(2);
        assertThat(reads).hasValue(2);
    }

    @Test
    void aRefreshOfZeroReadsEveryTime() {
        Cached<Integer> cached = new Cached<>(reads::incrementAndGet, Duration.ZERO, nanos::get);

        assertThat(cached.get()).isEqualTo(1);
        assertThat(cached.get()).isEqualTo(2);
    }
}

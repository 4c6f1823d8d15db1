package no.purreflyt.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.junit.jupiter.api.Test;

class ConcurrentChangeTest {

    @Test
    void aTransactionThatCollidedIsRunAgainUntilItGoesThrough() {
        AtomicInteger attempts = new AtomicInteger();

        String result = ConcurrentChange.retried(() -> {
            if (attempts.incrementAndGet() < 3) {
                throw new OptimisticLockingException("a timer job changed the case");
            }
            return "recorded";
        });

        assertThat(result).isEqualTo("recorded");
        assertThat(attempts).hasValue(3);
    }

    @Test
    void itGivesUpAfterFourAttemptsAndOtherErrorsAreNotRetried() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> ConcurrentChange.retried(() -> {
            attempts.incrementAndGet();
            throw new OptimisticLockingException("always");
        })).isInstanceOf(OptimisticLockingException.class);
        assertThat(attempts).hasValue(4);

        AtomicInteger once = new AtomicInteger();
        assertThatThrownBy(() -> ConcurrentChange.retried(() -> {
            once.incrementAndGet();
            throw new IllegalStateException("a real error");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(once).hasValue(1);
    }
}

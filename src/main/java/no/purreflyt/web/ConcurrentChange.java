package no.purreflyt.web;

import java.util.function.Supplier;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;

/**
 * Runs a whole transaction again when it collided with another writer of the same rows, as a payment does when its
 * case's timer or delivery job runs at the same moment. The work must be a complete transaction that rolled back
 * (a {@code @Transactional} service call) and safe to repeat (our writes are idempotent by external id).
 */
public final class ConcurrentChange {

    private static final Logger log = LoggerFactory.getLogger(ConcurrentChange.class);
    private static final int ATTEMPTS = 4;

    private ConcurrentChange() {
    }

    public static <T> T retried(Supplier<T> transaction) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.get();
            } catch (OptimisticLockingException | ConcurrencyFailureException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                log.info("Concurrent change (attempt {} of {}), running the transaction again: {}", attempt, ATTEMPTS,
                        e.getMessage());
                try {
                    Thread.sleep(20L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}

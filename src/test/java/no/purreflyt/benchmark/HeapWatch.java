package no.purreflyt.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The heap over a run: the highest use seen (sampled every 100 ms), and the use right after a full collection at the
 * end of each stage, which stays flat when nothing accumulates per case.
 */
final class HeapWatch implements AutoCloseable {

    record AfterGc(String when, long bytes) {
    }

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final AtomicLong peak = new AtomicLong();
    private final List<AfterGc> afterGc = new ArrayList<>();
    private final Thread sampler;
    private volatile boolean running = true;

    HeapWatch() {
        sampler = new Thread(() -> {
            while (running) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-watch");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** Collects the garbage and notes what is left. */
    void afterGc(String when) {
        System.gc();
        afterGc.add(new AfterGc(when, memory.getHeapMemoryUsage().getUsed()));
    }

    long peakBytes() {
        return peak.get();
    }

    List<AfterGc> afterGc() {
        return List.copyOf(afterGc);
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }
}

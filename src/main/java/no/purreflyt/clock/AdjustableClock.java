package no.purreflyt.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that runs with real time plus an offset that an operator may move (time travel). Time keeps
 * flowing after a move, so a running application behaves as it would on the chosen date.
 */
final class AdjustableClock extends Clock {

    private final Clock base;
    private final AtomicReference<Duration> offset;

    AdjustableClock(Clock base, Duration offset) {
        this(base, new AtomicReference<>(offset));
    }

    private AdjustableClock(Clock base, AtomicReference<Duration> offset) {
        this.base = base;
        this.offset = offset;
    }

    Duration offset() {
        return offset.get();
    }

    void setOffset(Duration newOffset) {
        offset.set(newOffset);
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        // shares the offset, so a zoned view follows later moves
        return new AdjustableClock(base.withZone(zone), offset);
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }
}

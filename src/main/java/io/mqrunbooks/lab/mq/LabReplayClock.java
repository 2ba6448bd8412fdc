package io.mqrunbooks.lab.mq;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The lab's clock: another clock's time, except while {@link LabStateStore} replays recorded changes, when it shows
 * each change's own instant so that synchronizations, channel drains and creation dates come out as they did.
 */
public final class LabReplayClock extends Clock {

    private final Clock base;
    private volatile Instant pinned;

    public LabReplayClock(Clock base) {
        this.base = base;
    }

    void pin(Instant at) {
        this.pinned = at;
    }

    void release() {
        this.pinned = null;
    }

    @Override
    public Instant instant() {
        Instant at = pinned;
        return at != null ? at : base.instant();
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the lab's clock keeps its zone");
    }
}

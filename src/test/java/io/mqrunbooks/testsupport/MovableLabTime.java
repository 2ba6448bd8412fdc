package io.mqrunbooks.testsupport;

import io.mqrunbooks.lab.LabTimeBase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The lab's time in the end-to-end tests: the system clock plus however far tests have moved it on. A test that
 * waits for the lab to do something over time (an RDQM DR synchronization, a revert to snapshot) moves it on
 * instead of sleeping; it only ever moves forward, as a real clock does, so the lab never sees time go back.
 */
public final class MovableLabTime implements LabTimeBase {

    private final Clock system = Clock.systemUTC();
    private volatile Duration ahead = Duration.ZERO;

    /** Moves the lab's time on by {@code by}; what the lab computes from time (progress, backlogs) follows. */
    public synchronized void advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("the lab's time only moves forward, not by " + by);
        }
        ahead = ahead.plus(by);
    }

    @Override
    public Clock clock() {
        return new Clock() {
            @Override
            public Instant instant() {
                return system.instant().plus(ahead);
            }

            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                throw new UnsupportedOperationException("the lab's time keeps its zone");
            }
        };
    }
}

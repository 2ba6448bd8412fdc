package io.mqrunbooks.lab;

import java.time.Clock;

/**
 * The time the lab profile's simulated MQ runs on: the system clock, unless the context holds one of these (a test's,
 * which moves the lab's time on instead of waiting out a synchronization at real time). Its own type, not a
 * {@link Clock} bean, so the runbooks' clock stays the only {@code Clock} in the context.
 */
@FunctionalInterface
public interface LabTimeBase {

    Clock clock();
}

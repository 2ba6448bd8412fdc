package io.mqrunbooks.platform.runbook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Waiting for a state with a deadline: a timer loop polls (docs/runbook-conventions.md, never a sleeping
 * thread) and each poll asks whether the deadline the wait set when it began has passed.
 */
public final class Deadlines {

    private Deadlines() {
    }

    /** Sets the deadline to now plus the limit. */
    public static void start(VariableScope scope, RunVariable<Instant> deadline, Clock clock, Duration limit) {
        deadline.set(scope, clock.instant().plus(limit));
    }

    /** Sets the deadline unless a wait already began (a poll loop's first poll starts it). */
    public static void startOnce(VariableScope scope, RunVariable<Instant> deadline, Clock clock,
                                 Duration limit) {
        if (!deadline.isSet(scope)) {
            start(scope, deadline, clock, limit);
        }
    }

    public static boolean passed(VariableScope scope, RunVariable<Instant> deadline, Clock clock) {
        return !clock.instant().isBefore(deadline.get(scope));
    }

    /**
     * One poll of a wait that fails when it is late: whether it {@code reached} its state; not reached and past the
     * deadline, a technical failure (an incident, to retry once the cause is gone) in {@code overdue}'s words.
     */
    public static boolean reachedInTime(VariableScope scope, RunVariable<Instant> deadline, Clock clock,
                                        boolean reached, Supplier<String> overdue) {
        if (!reached && passed(scope, deadline, clock)) {
            throw new IllegalStateException(overdue.get());
        }
        return reached;
    }
}

package io.mqrunbooks.application.port.out;

import java.util.Optional;

/**
 * The run (process instance and business key) and step (activity) the current thread works for, so
 * adapters can label their evidence without knowing the engine.
 */
public final class RunContext {

    public record Step(String processInstanceId, String businessKey, String activityId, String activityName) {
    }

    private static final ThreadLocal<Step> CURRENT = new ThreadLocal<>();

    private RunContext() {
    }

    public static Optional<Step> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** Sets the step for the duration of the returned scope: {@code try (var s = RunContext.enter(step)) {...}}. */
    public static AutoCloseable enter(Step step) {
        Step previous = CURRENT.get();
        CURRENT.set(step);
        return () -> CURRENT.set(previous);
    }
}

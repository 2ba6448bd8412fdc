package io.mqrunbooks.platform.run;

import java.util.List;
import java.util.Optional;

/**
 * What the runbook step running on this thread may change: set around every delegate call of a sealed run
 * by {@link RunGuardInterceptor}, read by {@link EstateChangeGuard} before any command that changes the
 * estate.
 *
 * @param approvedBy the gates whose approval the step checked before it ran; empty when its model names
 *                   none (then it may change nothing)
 */
public record StepMandate(String runId, String stepId, String stepName, RunScope scope, List<String> approvedBy) {

    private static final ThreadLocal<StepMandate> CURRENT = new ThreadLocal<>();

    public StepMandate {
        approvedBy = List.copyOf(approvedBy);
    }

    public static Optional<StepMandate> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** Holds the mandate for the returned scope: {@code try (var m = StepMandate.enter(mandate)) {...}}. */
    public static AutoCloseable enter(StepMandate mandate) {
        StepMandate previous = CURRENT.get();
        CURRENT.set(mandate);
        return () -> CURRENT.set(previous);
    }
}

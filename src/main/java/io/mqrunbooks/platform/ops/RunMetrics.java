package io.mqrunbooks.platform.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * The runbook meters (Prometheus names in docs/operations.md). Tags are the process definition key and,
 * for steps, the BPMN activity id and type: a bounded set, fixed by the deployed models.
 */
public class RunMetrics {

    public static final String RUNS_STARTED = "mqrunbooks.runs.started";
    public static final String RUNS_FINISHED = "mqrunbooks.runs.finished";
    public static final String RUNS_FAILED = "mqrunbooks.runs.failed";
    public static final String STEP_DURATION = "mqrunbooks.step.duration";

    private final MeterRegistry registry;

    public RunMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void runStarted(String processKey) {
        Counter.builder(RUNS_STARTED).description("Runbook runs started")
                .tag("processKey", processKey).register(registry).increment();
    }

    public void runFinished(String processKey) {
        Counter.builder(RUNS_FINISHED).description("Runbook runs that reached an end event")
                .tag("processKey", processKey).register(registry).increment();
    }

    /** {@code reason}: {@code incident} (a step spent its retries) or {@code terminated} (the run was cancelled). */
    public void runFailed(String processKey, String reason) {
        Counter.builder(RUNS_FAILED).description("Runbook runs that hit an incident or were cancelled")
                .tag("processKey", processKey).tag("reason", reason).register(registry).increment();
    }

    public void stepEnded(String processKey, String activityId, String activityType, Duration duration) {
        Timer.builder(STEP_DURATION).description("Duration of each runbook step (BPMN activity)")
                .tag("processKey", processKey).tag("activityId", activityId).tag("activityType", activityType)
                .register(registry).record(duration);
    }
}

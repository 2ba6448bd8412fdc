package io.mqrunbooks.adapter.inbound.camunda.dractivation;

import static io.mqrunbooks.adapter.inbound.camunda.dractivation.DrActivationVariables.*;

import io.mqrunbooks.application.dractivation.ActivationTimeline;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** RTO (declaration to the first test message) and each phase's duration; the run completes. */
@Component
@Lazy
public class SummariseActivationDelegate implements JavaDelegate {

    private final Clock clock;

    public SummariseActivationDelegate(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        DrActivationVariables.mark(execution, clock, "clientsRedirected");
        Map<String, Instant> marks = PHASE_MARKS.get(execution);
        Instant firstTest = FIRST_TEST_MESSAGE_AT.get(execution);
        RTO_SECONDS.set(execution, ActivationTimeline.rto(marks.get("declared"), firstTest).toSeconds());
        List<Map<String, Object>> phases = ActivationTimeline.durations(marks).stream()
                .map(p -> Map.<String, Object>of("phase", p.name(), "seconds", p.duration().toMillis() / 1000.0))
                .toList();
        PHASE_DURATIONS.set(execution, phases);
        ACTIVATION_SUMMARY.set(execution, ActivationTimeline.summary(marks, firstTest, DRAIN_RATE.getOrNull(execution)));
        OUTCOME.set(execution, "completed");
    }
}

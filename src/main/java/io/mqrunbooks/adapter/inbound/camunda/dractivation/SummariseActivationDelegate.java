package io.mqrunbooks.adapter.inbound.camunda.dractivation;

import static io.mqrunbooks.adapter.inbound.camunda.dractivation.DrActivationVariables.*;

import com.fasterxml.jackson.core.type.TypeReference;
import io.mqrunbooks.application.dractivation.ActivationTimeline;
import java.time.Instant;
import java.util.LinkedHashMap;
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

    private final DrActivationRuntime runtime;

    public SummariseActivationDelegate(DrActivationRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public void execute(DelegateExecution execution) {
        runtime.mark(execution, "clientsRedirected");
        Map<String, String> stored = DrActivationRuntime.readJson(execution, PHASE_MARKS, new TypeReference<>() { });
        Map<String, Instant> marks = new LinkedHashMap<>();
        stored.forEach((mark, at) -> marks.put(mark, Instant.parse(at)));
        Instant firstTest = Instant.parse((String) execution.getVariable(FIRST_TEST_MESSAGE_AT));
        execution.setVariable(RTO_SECONDS, ActivationTimeline.rto(marks.get("declared"), firstTest).toSeconds());
        List<Map<String, Object>> phases = ActivationTimeline.durations(marks).stream()
                .map(p -> Map.<String, Object>of("phase", p.name(), "seconds", p.duration().toMillis() / 1000.0))
                .toList();
        DrActivationRuntime.writeJson(execution, PHASE_DURATIONS, phases);
        execution.setVariable(ACTIVATION_SUMMARY, DrActivationRuntime.fit(ActivationTimeline.summary(marks, firstTest,
                (Double) execution.getVariable(DRAIN_RATE))));
        execution.setVariable(OUTCOME, "completed");
    }
}

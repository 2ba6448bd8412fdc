package io.mqrunbooks.adapter.inbound.camunda.dractivation;

import static io.mqrunbooks.adapter.inbound.camunda.dractivation.DrActivationVariables.*;

import com.fasterxml.jackson.core.type.TypeReference;
import io.mqrunbooks.application.dractivation.DrainWatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** One sample of the transmission queue depths; the samples and the drain rate are the evidence. */
@Component
@Lazy
public class SampleTransmissionQueuesDelegate implements JavaDelegate {

    private final DrainWatch drain;
    private final DrActivationRuntime runtime;

    public SampleTransmissionQueuesDelegate(DrainWatch drain, DrActivationRuntime runtime) {
        this.drain = drain;
        this.runtime = runtime;
    }

    @Override
    public void execute(DelegateExecution execution) {
        if (execution.getVariable(DRAIN_DEADLINE) == null) {
            runtime.startWait(execution, DRAIN_DEADLINE, runtime.settings().drainLimit());
        }
        List<String> queues = DrActivationRuntime.readJson(execution, TRANSMISSION_QUEUES, new TypeReference<>() { });
        List<DrainWatch.Sample> samples = new ArrayList<>();
        List<DrainWatch.Sample> before = DrActivationRuntime.readJson(execution, DRAIN_SAMPLES, new TypeReference<>() { });
        if (before != null) {
            samples.addAll(before);
        }
        DrainWatch.Sample sample = drain.sample(DrActivationVariables.target(execution),
                queues == null ? List.of() : queues, runtime.now());
        samples.add(sample);
        Double rate = DrainWatch.rate(samples);
        int level = runtime.settings().drainLevel();
        boolean drained = sample.total() <= level;
        DrActivationRuntime.writeJson(execution, DRAIN_SAMPLES, samples);
        execution.setVariable(DRAIN_RATE, rate);
        execution.setVariable(DRAINED, drained);
        execution.setVariable(DRAIN_TIME_UP, !drained && runtime.waitedTooLong(execution, DRAIN_DEADLINE));
        execution.setVariable(DRAIN_SUMMARY, DrActivationRuntime.fit((sample.depths().isEmpty()
                ? "No transmission queues to watch."
                : "Depths now: " + sample.depths().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                        .sorted().collect(Collectors.joining(", ")) + "; total " + sample.total() + ".")
                + "\nDrained when the total is at most " + level + ". Samples: " + samples.size() + "."
                + (rate == null ? "" : String.format(Locale.ROOT, "\nDrain rate: %.2f messages/s.", rate))));
        if (drained) {
            runtime.mark(execution, "drained");
        }
    }
}

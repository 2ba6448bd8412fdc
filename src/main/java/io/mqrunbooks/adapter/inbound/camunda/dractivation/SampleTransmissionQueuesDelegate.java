package io.mqrunbooks.adapter.inbound.camunda.dractivation;

import static io.mqrunbooks.adapter.inbound.camunda.dractivation.DrActivationVariables.*;

import io.mqrunbooks.application.dractivation.DrActivationSettings;
import io.mqrunbooks.application.dractivation.DrainWatch;
import io.mqrunbooks.platform.runbook.Deadlines;
import java.time.Clock;
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
    private final DrActivationSettings settings;
    private final Clock clock;

    public SampleTransmissionQueuesDelegate(DrainWatch drain, DrActivationSettings settings, Clock clock) {
        this.drain = drain;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Deadlines.startOnce(execution, DRAIN_DEADLINE, clock, settings.drainLimit());
        List<DrainWatch.Sample> samples = new ArrayList<>(DRAIN_SAMPLES.getOrDefault(execution, List.of()));
        DrainWatch.Sample sample = drain.sample(DrActivationVariables.target(execution),
                TRANSMISSION_QUEUES.getOrDefault(execution, List.of()), clock.instant());
        samples.add(sample);
        Double rate = DrainWatch.rate(samples);
        int level = settings.drainLevel();
        boolean drained = sample.total() <= level;
        DRAIN_SAMPLES.set(execution, samples);
        DRAIN_RATE.set(execution, rate);
        DRAINED.set(execution, drained);
        DRAIN_TIME_UP.set(execution, !drained && Deadlines.passed(execution, DRAIN_DEADLINE, clock));
        DRAIN_SUMMARY.set(execution, (sample.depths().isEmpty()
                ? "No transmission queues to watch."
                : "Depths now: " + sample.depths().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                        .sorted().collect(Collectors.joining(", ")) + "; total " + sample.total() + ".")
                + "\nDrained when the total is at most " + level + ". Samples: " + samples.size() + "."
                + (rate == null ? "" : String.format(Locale.ROOT, "\nDrain rate: %.2f messages/s.", rate)));
        if (drained) {
            DrActivationVariables.mark(execution, clock, "drained");
        }
    }
}

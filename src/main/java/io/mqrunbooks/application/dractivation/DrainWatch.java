package io.mqrunbooks.application.dractivation;

import io.mqrunbooks.application.port.out.MqAdminPort;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/** Transmission queue depths over time (seed 000: full transmission queues replay after DR). */
@Service
public class DrainWatch {

    private final MqAdminPort admin;

    public DrainWatch(MqAdminPort admin) {
        this.admin = admin;
    }

    public Sample sample(ActivationTarget target, List<String> transmissionQueues, Instant at) {
        Map<String, Integer> depths = new LinkedHashMap<>();
        for (String queue : transmissionQueues) {
            depths.put(queue, admin.queueDepth(target.backupQueueManager(), queue));
        }
        return new Sample(at, depths, depths.values().stream().mapToInt(Integer::intValue).sum());
    }

    /** Messages per second between the first and the last sample; null with fewer than two samples or no time between. */
    public static Double rate(List<Sample> samples) {
        if (samples.size() < 2) {
            return null;
        }
        Sample first = samples.get(0);
        Sample last = samples.get(samples.size() - 1);
        double seconds = Duration.between(first.at(), last.at()).toMillis() / 1000.0;
        if (seconds <= 0) {
            return null;
        }
        return (first.total() - last.total()) / seconds;
    }

    public record Sample(Instant at, Map<String, Integer> depths, int total) {

        public Sample {
            depths = Map.copyOf(new LinkedHashMap<>(depths));
        }
    }
}

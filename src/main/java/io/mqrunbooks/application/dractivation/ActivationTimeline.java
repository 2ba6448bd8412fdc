package io.mqrunbooks.application.dractivation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * When each phase of the activation ended, and from that the RTO: declaration (the run's start) to the
 * first successful test message through the backup.
 */
public final class ActivationTimeline {

    /** Phase marks in the order the run reaches them, with the phase each one closes. */
    public static final Map<String, String> PHASES = phases();

    private ActivationTimeline() {
    }

    private static Map<String, String> phases() {
        Map<String, String> phases = new LinkedHashMap<>();
        phases.put("declared", "Declaration");
        phases.put("assessed", "Assess the primary");
        phases.put("fenced", "Decision and fencing");
        phases.put("backupRunning", "Prepare and start the backup");
        phases.put("channelsRunning", "Channel partners and sender channels");
        phases.put("clusterChecked", "Cluster channels");
        phases.put("messageFlowProven", "Test message");
        phases.put("drained", "Transmission queue drain");
        phases.put("clientsRedirected", "Client redirect");
        return phases;
    }

    /** Each reached phase with its duration, measured from the mark before it. */
    public static List<Phase> durations(Map<String, Instant> marks) {
        List<Phase> phases = new ArrayList<>();
        Instant previous = marks.get("declared");
        for (Map.Entry<String, String> phase : PHASES.entrySet()) {
            Instant at = marks.get(phase.getKey());
            if (at == null || phase.getKey().equals("declared")) {
                continue;
            }
            phases.add(new Phase(phase.getKey(), phase.getValue(), Duration.between(previous, at)));
            previous = at;
        }
        return phases;
    }

    public static Duration rto(Instant declared, Instant firstTestMessage) {
        return Duration.between(declared, firstTestMessage);
    }

    /** {@code 4m 12s}, {@code 1h 3m 0s}, {@code 850 ms}. */
    public static String words(Duration duration) {
        if (duration.toSeconds() == 0) {
            return duration.toMillis() + " ms";
        }
        long hours = duration.toHours();
        long minutes = duration.toMinutesPart();
        long seconds = duration.toSecondsPart();
        return (hours > 0 ? hours + "h " : "") + (hours > 0 || minutes > 0 ? minutes + "m " : "") + seconds + "s";
    }

    /** The run's summary: RTO, each phase and its duration. */
    public static String summary(Map<String, Instant> marks, Instant firstTestMessage, Double drainRate) {
        StringBuilder text = new StringBuilder();
        Instant declared = marks.get("declared");
        if (firstTestMessage != null) {
            text.append("RTO (declaration to the first test message through the backup): ")
                    .append(words(rto(declared, firstTestMessage))).append('\n');
        }
        for (Phase phase : durations(marks)) {
            text.append(phase.name()).append(": ").append(words(phase.duration())).append('\n');
        }
        if (drainRate != null) {
            text.append(String.format(java.util.Locale.ROOT, "Transmission queue drain rate: %.2f messages/s%n", drainRate));
        }
        return text.toString().strip();
    }

    public record Phase(String mark, String name, Duration duration) {
    }
}

package io.mqrunbooks.adapter.outbound.mq.parse;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A queue manager's operational status as dspmq and rdqmstatus word it (IBM docs, dspmq topic).
 * Matched exactly, or in the upper case that {@code dspmq -n} prints; the older spelling
 * "pre-emptively" (MQ 8 and earlier) is accepted for the preemptive states.
 */
public enum QueueManagerState {
    STARTING("Starting"),
    RUNNING("Running"),
    RUNNING_AS_STANDBY("Running as standby"),
    RUNNING_ELSEWHERE("Running elsewhere"),
    REPLICA("Replica"),
    QUIESCING("Quiescing"),
    ENDING_IMMEDIATELY("Ending immediately"),
    ENDING_PREEMPTIVELY("Ending preemptively", "Ending pre-emptively"),
    ENDED_NORMALLY("Ended normally"),
    ENDED_IMMEDIATELY("Ended immediately"),
    ENDED_UNEXPECTEDLY("Ended unexpectedly"),
    ENDED_PREEMPTIVELY("Ended preemptively", "Ended pre-emptively"),
    NOT_AVAILABLE("Not available"),
    STATUS_NOT_AVAILABLE("Status not available");

    private final String wording;
    private final List<String> spellings;

    QueueManagerState(String wording, String... olderSpellings) {
        this.wording = wording;
        this.spellings = new java.util.ArrayList<>(List.of(olderSpellings));
        this.spellings.add(0, wording);
    }

    @JsonValue
    public String wording() {
        return wording;
    }

    @JsonIgnore
    public boolean isRunningHere() {
        return this == RUNNING;
    }

    @JsonIgnore
    public boolean isEnded() {
        return name().startsWith("ENDED_");
    }

    static Optional<QueueManagerState> fromWording(String text) {
        for (QueueManagerState state : values()) {
            for (String spelling : state.spellings) {
                if (spelling.equals(text) || spelling.toUpperCase(Locale.ROOT).equals(text)) {
                    return Optional.of(state);
                }
            }
        }
        return Optional.empty();
    }

    static String allWordings() {
        return String.join(", ", java.util.Arrays.stream(values()).map(s -> s.wording).toList());
    }
}

package io.mqrunbooks.mq;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A queue manager's status on one host, worded exactly as {@code dspmq} prints it in STATUS(...) and
 * {@code rdqmstatus} after "Queue manager status:" (IBM MQ 9.4 docs, "dspmq (display queue managers)":
 * https://www.ibm.com/docs/en/ibm-mq/9.4?topic=reference-dspmq-display-queue-managers). The parsers read,
 * the lab prints and the runbooks decide on these values. The older spelling "pre-emptively" (MQ 8 and
 * earlier) is read for the preemptive states.
 */
public enum QmStatus {
    STARTING("Starting"),
    RUNNING("Running"),
    RUNNING_AS_STANDBY("Running as standby"),
    RUNNING_ELSEWHERE("Running elsewhere"),
    /** A Native HA replica instance. */
    REPLICA("Replica"),
    /**
     * Native HA instances still electing which of them is active ("If you issue the command when the instances are
     * still negotiating which is active and which are replicas", IBM MQ, "Viewing the status of Native HA queue
     * managers"): none serves yet, and each may hold the data.
     */
    NEGOTIATING("Negotiating"),
    QUIESCING("Quiescing"),
    ENDING_IMMEDIATELY("Ending immediately"),
    ENDING_PREEMPTIVELY("Ending preemptively", "Ending pre-emptively"),
    ENDED_NORMALLY("Ended normally"),
    ENDED_IMMEDIATELY("Ended immediately"),
    ENDED_UNEXPECTEDLY("Ended unexpectedly"),
    ENDED_PREEMPTIVELY("Ended preemptively", "Ended pre-emptively"),
    NOT_AVAILABLE("Not available"),
    STATUS_NOT_AVAILABLE("Status not available"),
    /** Not a status dspmq prints: the queue manager is not known on this host (AMQ7048E). */
    NOT_KNOWN("Not known");

    private final String wording;
    private final List<String> spellings;

    QmStatus(String wording, String... olderSpellings) {
        this.wording = wording;
        this.spellings = new ArrayList<>(List.of(olderSpellings));
        this.spellings.add(0, wording);
    }

    /** As MQ prints it: "Running as standby". */
    @JsonValue
    public String mqWording() {
        return wording;
    }

    /** Running here: the queue manager serves on this host. */
    @JsonIgnore
    public boolean isRunningHere() {
        return this == RUNNING;
    }

    /** Any state in which queue manager processes may still hold its data on this host. */
    @JsonIgnore
    public boolean mayHoldData() {
        return this == STARTING || this == RUNNING || this == QUIESCING || this == ENDING_IMMEDIATELY
                || this == ENDING_PREEMPTIVELY || this == RUNNING_AS_STANDBY || this == REPLICA || this == NEGOTIATING;
    }

    @JsonIgnore
    public boolean isEnded() {
        return name().startsWith("ENDED_");
    }

    /**
     * The status MQ words so, in any case: {@code dspmq -n} prints it in upper case, and IBM's own Native HA examples
     * write "Ended Immediately"; no two statuses differ only in case. NOT_KNOWN is never read.
     */
    public static Optional<QmStatus> fromMqWording(String text) {
        for (QmStatus status : values()) {
            if (status == NOT_KNOWN) {
                continue;
            }
            for (String spelling : status.spellings) {
                if (spelling.equalsIgnoreCase(text)) {
                    return Optional.of(status);
                }
            }
        }
        return Optional.empty();
    }

    /** Every wording dspmq may print, for a message that names what was expected. */
    public static String allWordings() {
        return String.join(", ", Arrays.stream(values()).filter(s -> s != NOT_KNOWN).map(s -> s.wording).toList());
    }
}

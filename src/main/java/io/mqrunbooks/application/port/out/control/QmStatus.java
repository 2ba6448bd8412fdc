package io.mqrunbooks.application.port.out.control;

import java.util.Arrays;
import java.util.Optional;

/** A queue manager's status as dspmq words it. */
public enum QmStatus {
    STARTING("Starting"),
    RUNNING("Running"),
    RUNNING_AS_STANDBY("Running as standby"),
    RUNNING_ELSEWHERE("Running elsewhere"),
    /** A Native HA replica instance: running, receiving the active's log, not serving. */
    REPLICA("Replica"),
    QUIESCING("Quiescing"),
    ENDING_IMMEDIATELY("Ending immediately"),
    ENDING_PREEMPTIVELY("Ending preemptively"),
    ENDED_NORMALLY("Ended normally"),
    ENDED_IMMEDIATELY("Ended immediately"),
    ENDED_UNEXPECTEDLY("Ended unexpectedly"),
    ENDED_PREEMPTIVELY("Ended preemptively"),
    NOT_AVAILABLE("Not available"),
    STATUS_NOT_AVAILABLE("Status not available"),
    /** The queue manager is not known on this host (AMQ7048E). */
    NOT_KNOWN("Not known");

    private final String mqWording;

    QmStatus(String mqWording) {
        this.mqWording = mqWording;
    }

    public String mqWording() {
        return mqWording;
    }

    /** Running here: the queue manager serves on this host. */
    public boolean isRunningHere() {
        return this == RUNNING;
    }

    /** Any state in which queue manager processes may still hold its data on this host. */
    public boolean mayHoldData() {
        return this == STARTING || this == RUNNING || this == QUIESCING || this == ENDING_IMMEDIATELY
                || this == ENDING_PREEMPTIVELY || this == RUNNING_AS_STANDBY;
    }

    public boolean isEnded() {
        return this == ENDED_NORMALLY || this == ENDED_IMMEDIATELY || this == ENDED_UNEXPECTEDLY
                || this == ENDED_PREEMPTIVELY;
    }

    public static Optional<QmStatus> fromMqWording(String wording) {
        return Arrays.stream(values()).filter(s -> s.mqWording.equals(wording)).findFirst();
    }
}

package io.mqrunbooks.mq;

import java.util.Arrays;
import java.util.Optional;

/** RDQM DR status as rdqmstatus words it ({@code DR status: ...}). */
public enum DrStatus {
    NORMAL("Normal"),
    REMOTE_UNAVAILABLE("Remote unavailable"),
    SYNCHRONIZATION_IN_PROGRESS("Synchronization in progress"),
    INCONSISTENT("Inconsistent"),
    PARTITIONED("Partitioned"),
    REVERTING_TO_SNAPSHOT("Reverting to snapshot"),
    WAITING_FOR_INITIAL_SYNCHRONIZATION("Waiting for initial synchronization"),
    /** DR/HA: a catch-up is needed but neither DR node is primary (MQ Appliance DR status list). */
    PAUSED("Paused"),
    /** Secondary on both nodes (MQ Appliance DR status list). */
    INACTIVE("Inactive"),
    UNKNOWN("Unknown");

    private final String mqWording;

    DrStatus(String mqWording) {
        this.mqWording = mqWording;
    }

    public String mqWording() {
        return mqWording;
    }

    public static Optional<DrStatus> fromMqWording(String wording) {
        return Arrays.stream(values()).filter(s -> s.mqWording.equalsIgnoreCase(wording)).findFirst();
    }
}

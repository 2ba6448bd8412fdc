package io.mqrunbooks.lab.mq;

/**
 * Queue manager status words exactly as {@code dspmq} prints them in STATUS(...) and as {@code rdqmstatus}
 * prints them after "Queue manager status:" (IBM MQ 9.4 docs, "dspmq (display queue managers)":
 * https://www.ibm.com/docs/en/ibm-mq/9.4?topic=reference-dspmq-display-queue-managers).
 */
public enum QmStatus {
    RUNNING("Running"),
    ENDED_NORMALLY("Ended normally"),
    ENDED_IMMEDIATELY("Ended immediately"),
    ENDED_PREEMPTIVELY("Ended preemptively"),
    ENDED_UNEXPECTEDLY("Ended unexpectedly"),
    RUNNING_AS_STANDBY("Running as standby"),
    RUNNING_ELSEWHERE("Running elsewhere"),
    /** A Native HA replica instance (IBM MQ docs, "Viewing the status of Native HA queue managers"). */
    REPLICA("Replica");

    private final String text;

    QmStatus(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }
}

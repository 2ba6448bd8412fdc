package io.mqrunbooks.application.baseline;

import io.mqrunbooks.mq.MqscParser;
import io.mqrunbooks.mq.MqscDefinitions;
import java.time.Instant;

/** One stored version of a queue manager's definitions. {@code mqsc} is the export as the queue manager gave it. */
public record Baseline(long id, String queueManager, String host, Instant takenAt, String sha256, int objectCount,
                       String mqsc) {

    public MqscDefinitions definitions() {
        return MqscParser.parse(mqsc);
    }

    /** "#12 of QM2 (2026-11-21T02:00:04Z, 10 objects, sha256 3f2a…)". */
    public String describe() {
        return "#" + id + " of " + queueManager + " (" + takenAt + ", " + objectCount + " objects, sha256 "
                + sha256.substring(0, 12) + "…)";
    }
}

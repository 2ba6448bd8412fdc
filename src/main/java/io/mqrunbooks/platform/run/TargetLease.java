package io.mqrunbooks.platform.run;

import java.time.Instant;

/**
 * A running run's hold on one target: a queue manager ({@code queueManager:QMDR}) or host ({@code host:rdqm1}) of
 * its sealed scope, or the machine such a host is ({@code address:10.0.4.21}, from the inventory's address). A run a call activity started holds its targets under the run its chain began with
 * ({@code rootRunId}), so its ancestors' leases do not refuse it.
 *
 * @param initiator null for a run no user started (a timer)
 */
public record TargetLease(String target, String runId, String rootRunId, String processKey, String businessKey,
                          String initiator, Instant takenAt) {

    static final String QUEUE_MANAGER = "queueManager:";
    static final String HOST = "host:";
    static final String ADDRESS = "address:";

    /** "queue manager QMDR", "host rdqm1", "the machine at 10.0.4.21": the target as a person names it. */
    public String targetName() {
        return target.startsWith(QUEUE_MANAGER) ? "queue manager " + target.substring(QUEUE_MANAGER.length())
                : target.startsWith(HOST) ? "host " + target.substring(HOST.length())
                : target.startsWith(ADDRESS) ? "the machine at " + target.substring(ADDRESS.length()) : target;
    }

    /** Whether the run no user started (the schedule's, a timer's) holds it: an MQ operator may abort that run. */
    public boolean heldByTheSchedule() {
        return initiator == null;
    }
}

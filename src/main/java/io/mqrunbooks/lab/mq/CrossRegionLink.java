package io.mqrunbooks.lab.mq;

import java.time.Duration;
import java.time.Instant;

/**
 * Native HA cross-region replication between two groups of one queue manager (IBM MQ 9.4.2+, "Native HA
 * Cross-Region Replication", https://www.ibm.com/docs/en/ibm-mq/9.4.x?topic=containers-native-ha-cross-region-replication):
 * the Live group's log is replicated asynchronously to the Recovery group; the Recovery group's BACKLOG is the KB
 * it has not received ("Native HA group backlog. Only for Recovery or Pending live groups",
 * https://www.ibm.com/docs/en/ibm-mq/9.4.x?topic=attributes-native-ha-queue-manager-status).
 *
 * <p>The lab's model: {@link #source} is the group that holds the newest log (the Live group, or the group that
 * was Live until it was made Recovery); the other group falls behind by what the source writes while the link is
 * cut or either group lacks a quorum, and catches up at the lab's replication rate otherwise.
 */
final class CrossRegionLink {

    final NativeHaGroup first;
    final NativeHaGroup second;
    /** Lab fault: the network between the two regions is cut. */
    boolean up = true;
    NativeHaGroup source;
    /** KB of the source's log the other group has not received, as of {@link #backlogAt}. */
    long backlogKb;
    Instant backlogAt;
    /** When the other group was last in sync with the source (SYNCTIME); null when never. */
    Instant syncTime;
    /** KB the Live groups have written since the lab started: the lab's log sequence number. */
    long lsnKb;
    /** KB a Recovery group made Live without them lost (the data-loss of an unplanned switch), for the lab's tests. */
    long lostKb;

    CrossRegionLink(NativeHaGroup first, NativeHaGroup second, Instant now) {
        this.first = first;
        this.second = second;
        this.source = first;
        this.backlogAt = now;
        this.syncTime = now;
    }

    NativeHaGroup other(NativeHaGroup group) {
        return group == first ? second : first;
    }

    NativeHaGroup target() {
        return other(source);
    }

    /** Whether log flows: the link is up and both groups have a quorum of connected instances. */
    boolean replicating() {
        return up && source.connectedCount() >= 2 && target().connectedCount() >= 2;
    }

    /** The target's backlog as of {@code now}. */
    long backlog(Instant now, double rateKbPerSecond) {
        if (backlogKb == 0 || !replicating()) {
            return backlogKb;
        }
        double seconds = Duration.between(backlogAt, now).toMillis() / 1000.0;
        return Math.max(0, backlogKb - (long) Math.floor(seconds * rateKbPerSecond));
    }

    /** Data the Live group wrote: the target falls behind by it unless it is connected and in sync. */
    void noteWrite(long kb, Instant now) {
        lsnKb += kb;
        if (!(replicating() && backlogKb == 0)) {
            backlogKb += kb;
            backlogAt = now;
        }
    }

    /** The log sequence number the target group has: the source's less its backlog. */
    long targetLsnKb() {
        return Math.max(0, lsnKb - backlogKb);
    }
}

package io.mqrunbooks.lab.mq;

import io.mqrunbooks.lab.mq.NativeHaGroup.GroupRole;
import io.mqrunbooks.mq.QmStatus;
import java.time.Instant;

/**
 * How the lab moves log and roles between the two groups of a Native HA cross-region configuration.
 *
 * <p>Roles follow each instance's requested role (qm.ini {@code GroupRole} of the {@code NativeHALocalInstance}
 * stanza): "Once a majority of instances share the same Requested role, an election can take place to choose a
 * leader of the group" (https://www.ibm.com/docs/en/ibm-mq/9.4.x?topic=containers-native-ha-cross-region-replication).
 * A Live group asked to be Recovery ends its active instance and keeps its log as the source of replication. A
 * Recovery group asked to be Live is "Pending live" while the other group is still Live and reachable, or while
 * it still has a backlog it can receive; it becomes Live once it has everything, or at once when the other group
 * cannot be reached (an unplanned switch: the backlog it never received is lost, IBM's "there might be some loss of
 * data", https://www.ibm.com/docs/SSFKSJ_9.4.0/container/Switchover_Failover.html). The rule that a Recovery group
 * waits while the other group is still Live is the lab's reading of IBM's planned order (Live made Recovery first).
 */
final class CrossRegionReplication {

    private final LabWorld world;

    CrossRegionReplication(LabWorld world) {
        this.world = world;
    }

    void settle(CrossRegionLink link, Instant now) {
        link.backlogKb = link.backlog(now, world.options.syncRateKbPerSecond());
        link.backlogAt = now;
        if (link.replicating() && link.backlogKb == 0) {
            link.syncTime = now;
            link.source.dataHolder().ifPresent(holder -> link.target().instances.values().stream()
                    .filter(NativeHaGroup.Instance::connected)
                    .forEach(i -> i.runtime.data = holder.runtime.data.copy()));
        }
        applyRequestedRole(link, link.first, now);
        applyRequestedRole(link, link.second, now);
    }

    private void applyRequestedRole(CrossRegionLink link, NativeHaGroup group, Instant now) {
        GroupRole requested = group.requestedRole();
        if (requested == GroupRole.RECOVERY && group.role == GroupRole.LIVE) {
            makeRecovery(group, now);
        } else if (requested == GroupRole.LIVE && group.role != GroupRole.LIVE) {
            NativeHaGroup other = link.other(group);
            boolean otherLiveAndReachable = other.role == GroupRole.LIVE && link.up && other.active().isPresent();
            boolean canStillReceive = link.source == other && link.backlogKb > 0 && link.replicating();
            if (otherLiveAndReachable || canStillReceive) {
                setRole(group, GroupRole.PENDING_LIVE, now);
            } else if (group.connectedCount() >= 2) {
                makeLive(link, group, now);
            }
        }
    }

    /** The active instance ends (applications are disconnected); the group's log stays the newest. */
    private void makeRecovery(NativeHaGroup group, Instant now) {
        group.active().ifPresent(active -> {
            QueueManagerData latest = active.runtime.data;
            group.instances.values().stream().filter(i -> i != active && group.inSync(i))
                    .forEach(i -> i.runtime.data = latest.copy());
            world.end(active.runtime, QmStatus.ENDED_NORMALLY);
            active.runtime.endedStatus = QmStatus.ENDED_NORMALLY;
            active.alteredAt = now;
        });
        setRole(group, GroupRole.RECOVERY, now);
    }

    /** The group's leader becomes the active instance with the group's data; what it never received is lost. */
    private void makeLive(CrossRegionLink link, NativeHaGroup group, Instant now) {
        if (link.source != group) {
            link.lostKb += link.backlogKb;
            link.lsnKb = link.targetLsnKb();
            link.source = group;
            link.backlogKb = 0;
            link.backlogAt = now;
        }
        setRole(group, GroupRole.LIVE, now);
        group.liveSince = now;
        group.initialLsnKb = link.lsnKb;
        world.electNativeHa(group, null);
    }

    private static void setRole(NativeHaGroup group, GroupRole role, Instant now) {
        if (group.role != role) {
            group.role = role;
            group.roleAlteredAt = now;
        }
    }
}

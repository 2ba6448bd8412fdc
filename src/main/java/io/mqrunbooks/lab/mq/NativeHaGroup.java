package io.mqrunbooks.lab.mq;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The three instances of one Native HA queue manager (IBM MQ 9.4.4+ on VMs: {@code crtmqm -lr <instance>} on each
 * host, {@code NativeHAInstance} stanzas naming the others): one active instance elected by a quorum of two of the
 * three, the others replicas that receive the active's recovery log. A replica is in sync when it has
 * acknowledged all the log the active wrote; BACKLOG is the KB it has not ("Native HA queue manager status
 * attributes", https://www.ibm.com/docs/en/ibm-mq/10.0.x?topic=attributes-native-ha-queue-manager-status).
 *
 * <p>The lab names each instance after its host, as IBM's example does ("Creating a Native HA queue manager",
 * https://www.ibm.com/docs/en/ibm-mq/9.4.x?topic=ha-creating-native-queue-manager: alpha, beta, gamma).
 */
final class NativeHaGroup {

    /** One instance: whether its processes run (strmqm), its replication link, what it has not acknowledged. */
    static final class Instance {
        final String name;
        final String host;
        final String replicationAddress;
        QueueManagerRuntime runtime;
        boolean started;
        /** Lab fault: the replication link to this instance is cut; it receives nothing and cannot vote. */
        boolean linkUp = true;
        /** KB of the active's log not yet acknowledged, as of {@link #backlogAt}. */
        long backlogKb;
        Instant backlogAt;
        /** When this instance's status last changed (dspmq ALTDATE/ALTTIME); null when it never did. */
        Instant alteredAt;
        /** When it was last seen in sync with the active (9.4.2+ SYNCTIME); null when never. */
        Instant syncedAt;
        /** With cross-region replication: the GroupRole its qm.ini requests (Live or Recovery). */
        GroupRole requestedRole = GroupRole.LIVE;

        Instance(String name, String host, String replicationAddress) {
            this.name = name;
            this.host = host;
            this.replicationAddress = replicationAddress;
        }

        boolean connected() {
            return started && linkUp;
        }
    }

    /** A group's role in cross-region replication, in IBM's words (dspmq GRPROLE). */
    enum GroupRole {
        LIVE("Live"), RECOVERY("Recovery"), PENDING_LIVE("Pending live");

        final String wording;

        GroupRole(String wording) {
            this.wording = wording;
        }
    }

    final String queueManager;
    /** By host, in the inventory's order. */
    final Map<String, Instance> instances = new LinkedHashMap<>();
    /** KB of recovery log the group's actives have written: an instance has acknowledged this less its backlog. */
    long writtenKb;
    /** When the current active was elected, and the log it had then (DISPLAY QMSTATUS HAINITDA/HAINITTI, HAINITL). */
    Instant haInitAt;
    long haInitLsnKb;
    /** With cross-region replication: the group's name, its effective role and the link to the other group. */
    String groupName;
    GroupRole role = GroupRole.LIVE;
    CrossRegionLink crossRegion;
    /** When the group last became Live (LIVETIME), with the LSN it started from (INITLSN); when its role changed. */
    Instant liveSince;
    long initialLsnKb;
    Instant roleAlteredAt;

    NativeHaGroup(String queueManager) {
        this.queueManager = queueManager;
    }

    Optional<Instance> active() {
        return instances.values().stream().filter(i -> i.runtime.running()).findFirst();
    }

    /** A Recovery (or Pending live) group's leader: elected like an active, but no application can connect. */
    Optional<Instance> leader() {
        if (role == GroupRole.LIVE || connectedCount() < 2) {
            return Optional.empty();
        }
        return instances.values().stream().filter(i -> i.connected() && i.backlogKb == 0).findFirst();
    }

    /** The role a majority of its instances' qm.ini files request, or null when they disagree. */
    GroupRole requestedRole() {
        for (GroupRole candidate : GroupRole.values()) {
            long votes = instances.values().stream().filter(i -> i.requestedRole == candidate).count();
            if (votes * 2 > instances.size()) {
                return candidate;
            }
        }
        return null;
    }

    /** The instance whose data is the group's: the active, else the leader. */
    Optional<Instance> dataHolder() {
        return active().or(this::leader);
    }

    /** KB the instance still has to receive, as of {@code now}, at {@code rateKbPerSecond} while connected. */
    long backlog(Instance instance, Instant now, double rateKbPerSecond) {
        if (instance.backlogKb == 0 || instance.backlogAt == null || !instance.connected() || active().isEmpty()) {
            return instance.backlogKb;
        }
        double seconds = Duration.between(instance.backlogAt, now).toMillis() / 1000.0;
        return Math.max(0, instance.backlogKb - (long) Math.floor(seconds * rateKbPerSecond));
    }

    /** Brings each backlog up to {@code now}: a connected replica catches up while an active instance runs. */
    void settle(Instant now, double rateKbPerSecond) {
        for (Instance i : instances.values()) {
            long left = backlog(i, now, rateKbPerSecond);
            if (left != i.backlogKb && left == 0) {
                i.alteredAt = now;
            }
            i.backlogKb = left;
            i.backlogAt = now;
            if (inSync(i)) {
                i.syncedAt = now;
            }
        }
    }

    /** In sync: the active itself, or a connected replica with nothing left to receive. */
    boolean inSync(Instance instance) {
        if (instance.runtime.running()) {
            return true;
        }
        return instance.connected() && instance.backlogKb == 0 && (active().isPresent() || leader().isPresent());
    }

    /** Instances that count for the quorum: the in-sync ones. */
    long inSyncCount() {
        return instances.values().stream().filter(this::inSync).count();
    }

    /** Data the active wrote: every instance that is not a connected, in-sync replica falls behind by it. */
    void noteWrite(long kb, Instant now) {
        writtenKb += kb;
        for (Instance i : instances.values()) {
            if (i.runtime.running() || (i.connected() && i.backlogKb == 0)) {
                i.syncedAt = now;
            } else {
                i.backlogKb += kb;
                i.backlogAt = now;
            }
        }
    }

    /** The replicas that may take over: connected and in sync, in inventory order. */
    List<Instance> electable() {
        return instances.values().stream().filter(i -> !i.runtime.running() && i.connected() && i.backlogKb == 0)
                .toList();
    }

    long connectedCount() {
        return instances.values().stream().filter(Instance::connected).count();
    }
}

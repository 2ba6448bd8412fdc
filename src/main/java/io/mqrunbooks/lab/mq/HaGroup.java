package io.mqrunbooks.lab.mq;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Pacemaker cluster of an RDQM HA group: three nodes, and the HA queue managers that run on one of them and
 * replicate their data synchronously to the other two (IBM MQ, "RDQM high availability"). A node can be suspended
 * ({@code rdqmadm -s}: "The node is taken offline. Any replicated data queue managers (RDQMs) running on that node
 * are stopped and restarted on an active node", IBM's rdqmadm reference) or lost (the host fails); a queue manager
 * runs on its preferred location when that node is available, else on another available node, and moves back to
 * its preferred location when that node returns ("by default it will move back to its preferred node when it
 * can", ibm-messaging/mq-rdqm FAQs.md). With two of the three nodes lost the group has no quorum and no queue
 * manager runs.
 */
final class HaGroup {

    /** The three nodes, in the inventory's order (the first queue manager's hosts). */
    final List<String> nodes;
    final Set<String> suspended = new LinkedHashSet<>();
    final Set<String> lost = new LinkedHashSet<>();
    /** Queue manager name to its runtime (one, shared: the replicated file system moves with it). */
    final Map<String, QueueManagerRuntime> queueManagers = new LinkedHashMap<>();
    /** Queue manager name to its preferred location: none, one or two nodes (rdqmadm -p -n a,b). */
    final Map<String, List<String>> preferred = new HashMap<>();
    /** Queue manager name to node to KB that node's replica still lacks. */
    final Map<String, Map<String, Long>> outOfSyncKb = new HashMap<>();
    /** Queue managers Pacemaker manages (started, not ended with endmqm): restarted elsewhere when their node goes. */
    final Set<String> managed = new LinkedHashSet<>();
    Instant settledAt;

    HaGroup(List<String> nodes) {
        this.nodes = List.copyOf(nodes);
    }

    boolean available(String node) {
        return !suspended.contains(node) && !lost.contains(node);
    }

    boolean quorate() {
        return lost.size() < 2;
    }

    long outOfSync(String queueManager, String node) {
        return outOfSyncKb.getOrDefault(queueManager, Map.of()).getOrDefault(node, 0L);
    }

    /** Where the queue manager should run now: its first available preferred node, else where it runs, else the first available node. */
    String placement(String queueManager) {
        if (!quorate()) {
            return null;
        }
        for (String node : preferred.getOrDefault(queueManager, List.of())) {
            if (available(node)) {
                return node;
            }
        }
        String current = queueManagers.get(queueManager).activeHost;
        if (current != null && available(current)) {
            return current;
        }
        return nodes.stream().filter(this::available).findFirst().orElse(null);
    }

    /** Data written by a running queue manager: the replicas on unavailable nodes fall behind. */
    void noteWrite(String queueManager, long kb) {
        for (String node : nodes) {
            if (!available(node)) {
                outOfSyncKb.computeIfAbsent(queueManager, q -> new HashMap<>()).merge(node, kb, Long::sum);
            }
        }
    }

    /** Replicas on available nodes catch up at {@code rateKbPerSecond} while their queue manager runs. */
    void synchronize(Instant now, double rateKbPerSecond) {
        if (settledAt != null && now.isAfter(settledAt)) {
            long kb = (long) Math.floor(Duration.between(settledAt, now).toMillis() / 1000.0 * rateKbPerSecond);
            for (Map.Entry<String, Map<String, Long>> entry : outOfSyncKb.entrySet()) {
                if (!queueManagers.get(entry.getKey()).running()) {
                    continue;
                }
                for (String node : new ArrayList<>(entry.getValue().keySet())) {
                    if (available(node)) {
                        // caught up: no longer out of sync (null removes the node)
                        entry.getValue().computeIfPresent(node, (n, behind) -> behind > kb ? behind - kb : null);
                    }
                }
            }
        }
        settledAt = now;
    }

    /**
     * "HA status:" of one node's replica as the others see it: its node is offline, it is catching up, or Normal
     * (the values of IBM's table for rdqmstatus, "Viewing RDQM and HA group status").
     */
    String replicaStatus(String queueManager, String node) {
        if (!available(node)) {
            return "Remote unavailable";
        }
        return outOfSync(queueManager, node) > 0 ? "Synchronization in progress" : "Normal";
    }

    /** The queue manager's "HA status:" on {@code viewer}: the other two replicas' status, Mixed when they differ. */
    String overallStatus(String queueManager, String viewer) {
        Set<String> seen = new LinkedHashSet<>();
        for (String node : nodes) {
            if (!node.equals(viewer)) {
                seen.add(replicaStatus(queueManager, node));
            }
        }
        return seen.size() == 1 ? seen.iterator().next() : "Mixed";
    }
}

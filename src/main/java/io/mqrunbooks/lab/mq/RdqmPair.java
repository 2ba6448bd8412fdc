package io.mqrunbooks.lab.mq;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The replication state between the two nodes of one RDQM DR queue manager. */
final class RdqmPair {

    final String queueManager;
    final int port;
    final boolean synchronous;
    /** Node host name to that node's instance; a deleted instance is removed. */
    final Map<String, QueueManagerRuntime> nodes = new LinkedHashMap<>();
    final Map<String, String> replicationAddresses = new LinkedHashMap<>();
    boolean linkUp = true;
    /** Data written on the primary that the secondary has not got. */
    long outOfSyncKb;
    /** Set while a synchronization runs. */
    Instant syncStartedAt;
    long syncTotalKb;
    /** The secondary's data is part-way through a synchronization: only its snapshot is usable. */
    boolean secondaryInconsistent;

    RdqmPair(String queueManager, int port, boolean synchronous) {
        this.queueManager = queueManager;
        this.port = port;
        this.synchronous = synchronous;
    }

    boolean syncing() {
        return syncStartedAt != null;
    }

    QueueManagerRuntime primary() {
        return nodes.values().stream().filter(n -> n.drRole == DrRole.PRIMARY).findFirst().orElse(null);
    }

    QueueManagerRuntime secondary() {
        return nodes.values().stream().filter(n -> n.drRole == DrRole.SECONDARY).findFirst().orElse(null);
    }

    QueueManagerRuntime other(QueueManagerRuntime node) {
        return nodes.values().stream().filter(n -> n != node).findFirst().orElse(null);
    }

    String otherHost(String host) {
        return replicationAddresses.keySet().stream().filter(h -> !h.equals(host)).findFirst().orElse(null);
    }

    /** Both nodes exist and the link is up: data flows. */
    boolean connected() {
        return linkUp && nodes.size() == 2;
    }
}

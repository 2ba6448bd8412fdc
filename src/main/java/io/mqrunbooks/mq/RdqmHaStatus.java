package io.mqrunbooks.mq;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code rdqmstatus -m QM} of an RDQM HA queue manager on one node.
 *
 * @param node               {@code Node:} (this node)
 * @param queueManagerStatus {@code Queue manager status:} as dspmq words it (Running here, Running elsewhere, ...)
 * @param primary            {@code HA role: Primary}: the queue manager runs on this node
 * @param haStatus           {@code HA status:} as printed (Normal, Mixed, Remote unavailable, Partitioned,
 *                           Synchronization in progress)
 * @param currentLocation    {@code HA current location:} as a node name ("This node" resolved), or null for None
 * @param preferredLocation  {@code HA preferred location:} as node names ("This node" resolved), empty for None
 * @param otherNodes         each other node's {@code HA status:}, in the order printed
 * @param outOfSyncBytes     {@code HA out of sync data:} per other node that shows it, in bytes
 * @param fields             this node's fields as printed, for the evidence and the forms
 */
public record RdqmHaStatus(String node, QmStatus queueManagerStatus, boolean primary, String haStatus,
                           String currentLocation, List<String> preferredLocation, Map<String, String> otherNodes,
                           Map<String, Long> outOfSyncBytes, Map<String, String> fields) {

    public static final String NORMAL = "Normal";

    public RdqmHaStatus {
        preferredLocation = List.copyOf(preferredLocation);
        otherNodes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(otherNodes));
        outOfSyncBytes = Map.copyOf(outOfSyncBytes);
        fields = Map.copyOf(fields);
    }

    /** This node and every other node it lists show {@code HA status: Normal}. */
    public boolean normal() {
        return NORMAL.equals(haStatus) && otherNodes.values().stream().allMatch(NORMAL::equals);
    }
}

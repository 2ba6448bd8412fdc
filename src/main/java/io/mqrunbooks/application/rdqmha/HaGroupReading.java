package io.mqrunbooks.application.rdqmha;

import io.mqrunbooks.mq.RdqmHaStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One read of an RDQM HA group: {@code rdqmstatus -n} and {@code rdqmstatus -m QM} for each of its queue managers on
 * every node that answered.
 *
 * @param nodes        the group's nodes, in the inventory's order
 * @param unreachable  node to SSH's message, for the nodes that could not be asked
 * @param online       node to what it said of every node ({@code rdqmstatus -n})
 * @param statuses     queue manager to node to {@code rdqmstatus -m QM} on that node
 */
public record HaGroupReading(List<String> nodes, Map<String, String> unreachable, Map<String, Map<String, Boolean>> online,
                             Map<String, Map<String, RdqmHaStatus>> statuses) {

    private static final java.util.Set<String> EXPLAINED_BY_ONE_NODE = java.util.Set.of("Remote unavailable", "Mixed");

    public HaGroupReading {
        nodes = List.copyOf(nodes);
        unreachable = new LinkedHashMap<>(unreachable);
        online = new LinkedHashMap<>(online);
        statuses = new LinkedHashMap<>(statuses);
    }

    /** The nodes some answering node reports offline, each with who said so. */
    public Map<String, String> offline() {
        Map<String, String> offline = new LinkedHashMap<>();
        online.forEach((viewer, view) -> view.forEach((node, up) -> {
            if (!up) {
                offline.putIfAbsent(node, viewer);
            }
        }));
        return offline;
    }

    /** Where the queue manager runs: the node whose rdqmstatus shows HA role Primary, or null. */
    public String runsOn(String queueManager) {
        for (RdqmHaStatus status : statuses.getOrDefault(queueManager, Map.of()).values()) {
            if (status.primary()) {
                return status.node();
            }
        }
        return null;
    }

    /** What the running node says (else the first that answered), or null. */
    public RdqmHaStatus view(String queueManager) {
        Map<String, RdqmHaStatus> byNode = statuses.getOrDefault(queueManager, Map.of());
        String running = runsOn(queueManager);
        if (running != null) {
            return byNode.get(running);
        }
        return byNode.values().stream().findFirst().orElse(null);
    }

    /**
     * Every HA status the answering nodes printed that is not Normal, in words ("QMHA1 on ha2: HA status Mixed;
     * node ha3 Synchronization in progress (4MB out of sync)"), leaving out what the node {@code ignoring} is expected
     * to show while suspended (null: leave out nothing).
     */
    public List<String> notNormal(String ignoring) {
        List<String> problems = new ArrayList<>();
        statuses.forEach((queueManager, byNode) -> byNode.forEach((node, status) -> {
            if (node.equals(ignoring)) {
                return;
            }
            List<String> parts = new ArrayList<>();
            for (Map.Entry<String, String> other : status.otherNodes().entrySet()) {
                if (other.getKey().equals(ignoring) || other.getValue().equals(RdqmHaStatus.NORMAL)) {
                    continue;
                }
                Long behind = status.outOfSyncBytes().get(other.getKey());
                parts.add("node " + other.getKey() + " " + other.getValue()
                        + (behind == null ? "" : " (" + behind / 1024 + "KB out of sync)"));
            }
            // With a node suspended, the others see it as Remote unavailable, so their own HA status is Remote
            // unavailable or Mixed; only that is expected.
            boolean overallExpected = status.haStatus().equals(RdqmHaStatus.NORMAL) || (ignoring != null
                    && status.otherNodes().containsKey(ignoring) && EXPLAINED_BY_ONE_NODE.contains(status.haStatus()));
            if (!overallExpected || !parts.isEmpty()) {
                problems.add(queueManager + " on " + node + ": HA status " + status.haStatus()
                        + (parts.isEmpty() ? "" : "; " + String.join("; ", parts)));
            }
        }));
        return problems;
    }
}

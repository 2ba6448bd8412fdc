package io.mqrunbooks.application.clustermigration;

import io.mqrunbooks.mq.ClusterQueue;
import io.mqrunbooks.mq.ClusterQueueManager;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What one queue manager answered to the two displays of seed 002: on the migrated queue manager
 * {@code DISPLAY CLUSQMGR(*)} and {@code DISPLAY QC(*)}; on a full repository {@code DISPLAY CLUSQMGR(QM)} and
 * {@code DISPLAY QC(*) WHERE(CLUSQMGR EQ QM)}.
 *
 * @param askedQueueManager the queue manager the displays ran on
 * @param commands          the two MQSC commands, as an operator would type them
 */
public record ClusterView(String askedQueueManager, List<String> commands, List<ClusterQueueManager> clusterQueueManagers,
                          List<ClusterQueue> clusterQueues) {

    public ClusterView {
        commands = List.copyOf(commands);
        clusterQueueManagers = List.copyOf(clusterQueueManagers);
        clusterQueues = List.copyOf(clusterQueues);
    }

    static String clusterQueueManagerKey(ClusterQueueManager q) {
        return "CLUSQMGR(" + q.name() + ") CLUSTER(" + q.cluster() + ")";
    }

    static String clusterQueueKey(ClusterQueue q) {
        return "QCLUSTER(" + q.name() + ") CLUSQMGR(" + q.hostedBy() + ") CLUSTER(" + q.cluster() + ")";
    }

    /** Lines for a form: the commands, then one line per object with its main attributes. */
    public String summary() {
        StringBuilder text = new StringBuilder("On ").append(askedQueueManager).append(": ")
                .append(String.join(" and ", commands)).append('\n');
        if (clusterQueueManagers.isEmpty()) {
            text.append("  no cluster queue managers\n");
        }
        for (ClusterQueueManager q : clusterQueueManagers) {
            text.append("  ").append(clusterQueueManagerKey(q)).append(" QMTYPE(").append(q.qmType())
                    .append(") SUSPEND(").append(q.suspended() ? "YES" : "NO").append(") STATUS(").append(q.status())
                    .append(')');
            String version = q.attributes().get("VERSION");
            if (version != null) {
                text.append(" VERSION(").append(version).append(')');
            }
            text.append('\n');
        }
        if (clusterQueues.isEmpty()) {
            text.append("  no cluster queues\n");
        }
        text.append(clusterQueues.stream().map(q -> "  " + clusterQueueKey(q) + "\n").collect(Collectors.joining()));
        return text.toString();
    }
}

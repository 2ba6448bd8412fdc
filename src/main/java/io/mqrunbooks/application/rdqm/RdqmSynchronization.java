package io.mqrunbooks.application.rdqm;

import io.mqrunbooks.mq.DrStatus;
import org.springframework.stereotype.Service;

/**
 * One poll of a DR pair's synchronization (seed 004: "Wait for synchronization to complete - DR status = Normal"):
 * {@code rdqmstatus -m QM} on both nodes, with the progress and estimated completion they show.
 */
@Service
public class RdqmSynchronization {

    private final RdqmPairs pairs;
    private final RdqmReader reader;

    public RdqmSynchronization(RdqmPairs pairs, RdqmReader reader) {
        this.pairs = pairs;
        this.reader = reader;
    }

    /**
     * @param normal   both nodes show {@code DR status: Normal}
     * @param progress one line: the progress and estimated completion, or the DR status when none is shown
     * @param summary  both nodes' status
     */
    public record SyncPoll(boolean normal, String progress, String summary) {
    }

    public SyncPoll poll(String queueManager) {
        DrPair pair = pairs.pair(queueManager);
        NodeReading first = reader.read(pair.configuredPrimary().name(), queueManager);
        NodeReading second = reader.read(pair.configuredSecondary().name(), queueManager);
        boolean normal = first.drStatusIs(DrStatus.NORMAL) && second.drStatusIs(DrStatus.NORMAL);
        String progress = normal ? "Synchronization complete: DR status Normal on both nodes" : progress(first, second);
        return new SyncPoll(normal, progress, first.describe() + "\n" + second.describe());
    }

    private static String progress(NodeReading first, NodeReading second) {
        for (NodeReading node : new NodeReading[] {first, second}) {
            if (node.reachable() && node.status().syncProgressPercent() != null) {
                return "Synchronization " + Sizes.percent(node.status().syncProgressPercent()) + " done"
                        + (node.status().estimatedCompletion() == null ? ""
                        : ", estimated completion " + node.status().estimatedCompletion());
            }
        }
        return "Not Normal yet: " + status(first) + "; " + status(second);
    }

    private static String status(NodeReading node) {
        return node.host() + " " + (node.reachable() ? node.status().drStatus().mqWording() : "unreachable");
    }
}

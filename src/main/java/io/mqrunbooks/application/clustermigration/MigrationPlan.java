package io.mqrunbooks.application.clustermigration;

import java.util.List;

/**
 * What one queue manager's migration acts on, taken from the inventory.
 *
 * @param queueManager     the queue manager migrated
 * @param host             the host it runs on
 * @param clusters         the clusters it is a member of
 * @param fullRepositories the full repositories of those clusters (it may be one of them)
 * @param peer             the other cluster member the test messages go to and come from
 * @param testCluster      the cluster the test queues are advertised in
 * @param localTestQueue   the dedicated test queue on the migrated queue manager
 * @param peerTestQueue    the dedicated test queue on the peer
 */
public record MigrationPlan(String queueManager, String host, List<String> clusters, List<String> fullRepositories,
                            String peer, String testCluster, String localTestQueue, String peerTestQueue) {

    public MigrationPlan {
        clusters = List.copyOf(clusters);
        fullRepositories = List.copyOf(fullRepositories);
    }

    /** The full repositories other than the migrated queue manager itself. */
    public List<String> otherFullRepositories() {
        return fullRepositories.stream().filter(fr -> !fr.equals(queueManager)).toList();
    }

    public boolean isTestQueue(String queue) {
        return queue.equals(localTestQueue) || queue.equals(peerTestQueue);
    }
}

package io.mqrunbooks.application.dractivation;

import io.mqrunbooks.application.port.out.MqAdminPort;
import io.mqrunbooks.mq.ClusterQueueManager;
import io.mqrunbooks.estate.Cluster;
import io.mqrunbooks.estate.Estate;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/** Whether the backup's cluster channels to the full repositories run (DISPLAY CLUSQMGR(*) on the backup). */
@Service
public class ClusterChannels {

    private final Estate estate;
    private final MqAdminPort admin;

    public ClusterChannels(Estate estate, MqAdminPort admin) {
        this.estate = estate;
        this.admin = admin;
    }

    /** A clustered queue manager's cluster transmission queue, to watch while the backlog drains. */
    public List<String> transmissionQueues(ActivationTarget target) {
        return estate.clustersOf(target.primaryQueueManager()).isEmpty() ? List.of()
                : List.of("SYSTEM.CLUSTER.TRANSMIT.QUEUE");
    }

    public BackupActivation.StepCheck check(ActivationTarget target) {
        List<Cluster> clusters = estate.clustersOf(target.primaryQueueManager());
        if (clusters.isEmpty()) {
            return new BackupActivation.StepCheck(true, target.primaryQueueManager() + " is in no cluster: nothing to check");
        }
        List<ClusterQueueManager> repositories = admin.clusterQueueManagers(target.backupQueueManager(), "*").stream()
                .filter(ClusterQueueManager::isFullRepository)
                .filter(q -> !q.name().equals(target.backupQueueManager()) && !q.name().equals(target.primaryQueueManager()))
                .toList();
        String clusterNames = clusters.stream().map(Cluster::name).collect(Collectors.joining(", "));
        if (repositories.isEmpty()) {
            return new BackupActivation.StepCheck(false, target.backupQueueManager() + " knows no full repository of "
                    + clusterNames + " yet");
        }
        boolean allRunning = repositories.stream().allMatch(q -> "RUNNING".equals(q.status()));
        return new BackupActivation.StepCheck(allRunning, "Cluster " + clusterNames + ": " + repositories.stream()
                .map(q -> q.name() + " (" + q.channel() + ") " + q.status()).collect(Collectors.joining(", ")));
    }
}

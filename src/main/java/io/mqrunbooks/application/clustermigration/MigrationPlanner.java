package io.mqrunbooks.application.clustermigration;

import io.mqrunbooks.estate.Cluster;
import io.mqrunbooks.estate.Estate;
import io.mqrunbooks.mq.NameRules;
import io.mqrunbooks.estate.QueueManager;
import io.mqrunbooks.estate.QueueManagerKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;

/** Builds a migration plan from the inventory, and the order of a staged migration of a whole cluster. */
@Service
public class MigrationPlanner {

    private final Estate estate;
    private final ClusterMigrationSettings settings;

    public MigrationPlanner(Estate estate, ClusterMigrationSettings settings) {
        this.estate = estate;
        this.settings = settings;
    }

    public MigrationPlan plan(String queueManagerName) {
        NameRules.checkMqName(queueManagerName).ifPresent(problem -> {
            throw new MigrationRefusedException("queue manager name " + problem);
        });
        QueueManager queueManager = estate.findQueueManager(queueManagerName).orElseThrow(() ->
                new MigrationRefusedException("queue manager " + queueManagerName + " is not in the inventory"));
        if (queueManager.kind() != QueueManagerKind.SINGLE) {
            throw new MigrationRefusedException("queue manager " + queueManagerName + " is "
                    + queueManager.kind().yamlName() + "; this runbook migrates single-instance queue managers");
        }
        List<Cluster> clusters = estate.clustersOf(queueManagerName);
        if (clusters.isEmpty()) {
            throw new MigrationRefusedException("queue manager " + queueManagerName
                    + " is in no cluster of the inventory; this runbook migrates cluster queue managers");
        }
        List<String> fullRepositories = clusters.stream().flatMap(c -> c.fullRepositories().stream())
                .distinct().toList();
        Cluster testCluster = clusters.get(0);
        String peer = Stream.concat(testCluster.fullRepositories().stream(), testCluster.partialRepositories().stream())
                .filter(member -> !member.equals(queueManagerName)).findFirst().orElseThrow(() ->
                        new MigrationRefusedException("cluster " + testCluster.name() + " has no member other than "
                                + queueManagerName + " to exchange test messages with"));
        return new MigrationPlan(queueManagerName, queueManager.primaryHost(),
                clusters.stream().map(Cluster::name).toList(), fullRepositories, peer, testCluster.name(),
                testQueue(queueManagerName), testQueue(peer));
    }

    /** The cluster's members in the order a staged migration takes them: full repositories first. */
    public List<String> stagedOrder(String clusterName) {
        NameRules.checkMqName(clusterName).ifPresent(problem -> {
            throw new MigrationRefusedException("cluster name " + problem);
        });
        Optional<Cluster> cluster = estate.findCluster(clusterName);
        if (cluster.isEmpty()) {
            throw new MigrationRefusedException("cluster " + clusterName + " is not in the inventory");
        }
        return new ArrayList<>(cluster.get().members());
    }

    private String testQueue(String queueManager) {
        String name = settings.testQueuePrefix() + queueManager;
        NameRules.checkMqName(name).ifPresent(problem -> {
            throw new MigrationRefusedException("test queue name " + problem
                    + "; shorten mqrunbooks.cluster-migration.test-queue-prefix");
        });
        return name;
    }
}

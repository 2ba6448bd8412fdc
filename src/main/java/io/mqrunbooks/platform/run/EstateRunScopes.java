package io.mqrunbooks.platform.run;

import io.mqrunbooks.estate.Estate;
import io.mqrunbooks.estate.QueueManager;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * A run's scope from the inventory: the queue manager it names with its DR backup and their hosts, and the
 * full repositories of its clusters by name only (a migration defines test queues and sends test messages
 * there, but may run no control command on their hosts); for a baseline run every primary it names (or, for
 * {@code all}, every primary with a backup) likewise; for a staged migration the cluster's members. A name
 * the inventory lacks resolves to nothing.
 */
@Component
public class EstateRunScopes implements RunScopeResolver {

    static final String QUEUE_MANAGER = "queueManager";
    static final String QUEUE_MANAGERS = "queueManagers";
    static final String CLUSTER_NAME = "clusterName";
    /** The RDQM HA node a node maintenance run suspends: its HA group's queue managers and nodes. */
    static final String HA_NODE = "haNode";

    private final ObjectProvider<Estate> estate;

    public EstateRunScopes(ObjectProvider<Estate> estate) {
        this.estate = estate;
    }

    @Override
    public RunScope resolve(String processKey, Map<String, String> parameters) {
        Estate inventory = estate.getObject();
        Set<String> queueManagers = new LinkedHashSet<>();
        Set<String> hosts = new LinkedHashSet<>();
        String named = parameters.get(QUEUE_MANAGER);
        if (named != null) {
            add(inventory, named, queueManagers, hosts);
            inventory.clustersOf(named).forEach(c -> queueManagers.addAll(c.fullRepositories()));
        }
        String list = parameters.get(QUEUE_MANAGERS);
        if (list != null) {
            if (list.isBlank() || list.strip().equalsIgnoreCase("all")) {
                inventory.queueManagers().stream().filter(q -> q.backup() != null)
                        .forEach(q -> add(inventory, q.name(), queueManagers, hosts));
            } else {
                Arrays.stream(list.strip().split("[ ,]+")).forEach(q -> add(inventory, q, queueManagers, hosts));
            }
        }
        String cluster = parameters.get(CLUSTER_NAME);
        if (cluster != null) {
            inventory.findCluster(cluster).ifPresent(c -> c.members()
                    .forEach(member -> add(inventory, member, queueManagers, hosts)));
        }
        String haNode = parameters.get(HA_NODE);
        if (haNode != null) {
            inventory.queueManagers().stream()
                    .filter(q -> q.kind() == io.mqrunbooks.estate.QueueManagerKind.RDQM_HA && q.hosts().contains(haNode))
                    .forEach(q -> add(q, queueManagers, hosts));
        }
        return new RunScope(queueManagers, hosts);
    }

    private static void add(Estate inventory, String name, Set<String> queueManagers, Set<String> hosts) {
        inventory.findQueueManager(name).ifPresent(q -> add(q, queueManagers, hosts));
    }

    private static void add(QueueManager queueManager, Set<String> queueManagers, Set<String> hosts) {
        queueManagers.add(queueManager.name());
        hosts.addAll(queueManager.allHosts());
        if (queueManager.backup() != null) {
            queueManagers.add(queueManager.backup().queueManager());
            hosts.add(queueManager.backup().host());
        }
    }
}

package io.mqrunbooks.platform.forms;

import io.mqrunbooks.estate.Cluster;
import io.mqrunbooks.estate.Estate;
import io.mqrunbooks.estate.QueueManager;
import io.mqrunbooks.estate.QueueManagerKind;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * What a start form's select offers from the inventory: a form marks the field with the custom property
 * {@code "properties": {"inventory": "rdqm-dr"}}. Camunda Forms cannot query the inventory, so the deployed
 * form is served with the names filled in ({@code InventoryFormFilter}) and a start is refused unless the
 * name is one of them ({@code EngineApiGuard}).
 */
public enum InventoryChoice {
    /** Any queue manager of the inventory: the generic runbooks modelled from element-templates/. */
    QUEUE_MANAGER("queue-manager", "a queue manager of the inventory", queueManagers((estate, q) -> true)),
    /** A single-instance queue manager: one host, started and ended with strmqm and endmqm alone. */
    SINGLE("single", "a single queue manager", queueManagers((estate, q) -> q.kind() == QueueManagerKind.SINGLE)),
    RDQM_DR("rdqm-dr", "an RDQM DR queue manager", queueManagers((estate, q) -> q.kind() == QueueManagerKind.RDQM_DR)),
    MULTI_INSTANCE("multi-instance", "a multi-instance queue manager",
            queueManagers((estate, q) -> q.kind() == QueueManagerKind.MULTI_INSTANCE)),
    NATIVE_HA("native-ha", "a Native HA queue manager", queueManagers((estate, q) -> q.kind() == QueueManagerKind.NATIVE_HA)),
    NATIVE_HA_CROSS_REGION("native-ha-cross-region", "a Native HA queue manager with cross-region replication",
            queueManagers((estate, q) -> q.kind() == QueueManagerKind.NATIVE_HA && q.crossRegion() != null)),
    WITH_BACKUP("with-backup", "a queue manager with a DR backup", queueManagers((estate, q) -> q.backup() != null)),
    CLUSTERED("clustered", "a queue manager in a cluster",
            queueManagers((estate, q) -> !estate.clustersOf(q.name()).isEmpty())),
    CLUSTER("cluster", "a cluster", estate -> estate.clusters().stream().map(Cluster::name).toList()),
    RDQM_DR_NODE("rdqm-dr-node", "a node of an RDQM DR queue manager", estate -> estate.queueManagers().stream()
            .filter(q -> q.kind() == QueueManagerKind.RDQM_DR).flatMap(q -> q.hosts().stream()).distinct().toList()),
    RDQM_HA_NODE("rdqm-ha-node", "a node of an RDQM HA group", estate -> estate.queueManagers().stream()
            .filter(q -> q.kind() == QueueManagerKind.RDQM_HA).flatMap(q -> q.hosts().stream()).distinct().toList());

    /** In a taglist or checklist filled from the inventory: every name it offers. */
    public static final String ALL = "all";

    private final String property;
    private final String description;
    private final java.util.function.Function<Estate, List<String>> names;

    InventoryChoice(String property, String description, java.util.function.Function<Estate, List<String>> names) {
        this.property = property;
        this.description = description;
        this.names = names;
    }

    /** The value of the form property that selects this choice. */
    public String property() {
        return property;
    }

    /** The names the inventory offers, in its order. */
    public List<String> names(Estate estate) {
        return names.apply(estate);
    }

    /**
     * Why the name is not a valid answer, in words, or empty when it is.
     *
     * @param key the form field's key, for the message
     */
    public Optional<String> refusal(Estate estate, String key, String name) {
        List<String> offered = names(estate);
        if (offered.contains(name)) {
            return Optional.empty();
        }
        String what;
        if (this == CLUSTER) {
            what = name + " is not a cluster of the inventory";
        } else if (this == RDQM_DR_NODE || this == RDQM_HA_NODE) {
            what = name + (estate.findHost(name).isPresent() ? " is a host of the inventory but no "
                    + (this == RDQM_DR_NODE ? "RDQM DR" : "RDQM HA") + " node"
                    : " is not a host of the inventory");
        } else {
            what = estate.findQueueManager(name)
                    .map(q -> name + " is in the inventory but is not " + description + " (it is " + kindInWords(estate, q) + ")")
                    .orElse(name + " is not a queue manager of the inventory");
        }
        return Optional.of("'" + key + "': " + what + "; this runbook takes " + description + ": "
                + (offered.isEmpty() ? "the inventory has none" : String.join(", ", offered)));
    }

    public static Optional<InventoryChoice> fromProperty(String property) {
        return Arrays.stream(values()).filter(c -> c.property.equals(property)).findFirst();
    }

    private static String kindInWords(Estate estate, QueueManager q) {
        return q.kind().yamlName() + (q.backup() == null ? ", without a DR backup" : ", with a DR backup")
                + (estate.clustersOf(q.name()).isEmpty() ? ", in no cluster" : "");
    }

    private static java.util.function.Function<Estate, List<String>> queueManagers(BiPredicate<Estate, QueueManager> test) {
        return estate -> estate.queueManagers().stream().filter(q -> test.test(estate, q)).map(QueueManager::name).toList();
    }
}

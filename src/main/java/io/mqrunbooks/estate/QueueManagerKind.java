package io.mqrunbooks.estate;

import java.util.Arrays;
import java.util.Optional;

/** How a queue manager is deployed; the inventory spells it as {@link #yamlName()}. */
public enum QueueManagerKind {
    SINGLE("single", 1),
    MULTI_INSTANCE("multi-instance", 2),
    RDQM_DR("rdqm-dr", 2),
    RDQM_HA("rdqm-ha", 3),
    /** IBM MQ Native HA on VMs or bare metal: three instances (crtmqm -lr), one active, two replicas. */
    NATIVE_HA("native-ha", 3);

    private final String yamlName;
    private final int hostCount;

    QueueManagerKind(String yamlName, int hostCount) {
        this.yamlName = yamlName;
        this.hostCount = hostCount;
    }

    public String yamlName() {
        return yamlName;
    }

    /** How many hosts the inventory must list for this kind. */
    public int hostCount() {
        return hostCount;
    }

    public static Optional<QueueManagerKind> fromYaml(String value) {
        return Arrays.stream(values()).filter(k -> k.yamlName.equals(value)).findFirst();
    }
}

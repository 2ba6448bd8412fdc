package io.mqrunbooks.adapter.outbound.mq.parse;

import io.mqrunbooks.mq.QmStatus;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What dspmq printed: one entry per queue manager, or, when {@code -m} named a queue manager that
 * does not exist, the AMQ7048E message ({@link #queueManagerNotKnown()}).
 */
public record DspmqResult(List<QueueManagerEntry> queueManagers, MqMessage notKnownMessage) {

    public DspmqResult {
        queueManagers = List.copyOf(queueManagers);
    }

    public boolean queueManagerNotKnown() {
        return notKnownMessage != null;
    }

    public Optional<QueueManagerEntry> find(String queueManager) {
        return queueManagers.stream().filter(q -> q.name().equals(queueManager)).findFirst();
    }

    /** One QMNAME line: its status, the other attributes in printed order, and any -x instances. */
    public record QueueManagerEntry(String name, QmStatus status, Map<String, String> attributes,
                                    List<Instance> instances, List<Group> groups) {
        public QueueManagerEntry {
            attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
            instances = List.copyOf(instances);
            groups = List.copyOf(groups);
        }

        public QueueManagerEntry(String name, QmStatus status, Map<String, String> attributes,
                                 List<Instance> instances) {
            this(name, status, attributes, instances, List.of());
        }

        public Optional<String> attribute(String keyword) {
            return Optional.ofNullable(attributes.get(keyword));
        }
    }

    /**
     * A Native HA cross-region group line of {@code dspmq -o nativeha -g}: {@code GRPNAME(name) GRPROLE(role) ...};
     * the first is the group of the instance that answered, the second the other group as that one last heard of
     * it. Every printed attribute is kept in order in {@code fields} (GRPNAME and GRPROLE included).
     */
    public record Group(String name, String role, Map<String, String> fields) {

        public Group {
            fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }

        public Optional<String> field(String keyword) {
            return Optional.ofNullable(fields.get(keyword));
        }
    }

    /**
     * An indented instance line of dspmq -x: {@code INSTANCE(host) MODE(Active|Standby)} of a multi-instance queue
     * manager, or a Native HA instance ({@code INSTANCE(name) ROLE(..) REPLADDR(..) ...}), whose ROLE is the mode and
     * whose printed attributes are kept in order in {@code nativeHa} (empty for a multi-instance line).
     */
    public record Instance(String host, String mode, Map<String, String> nativeHa) {

        public Instance {
            nativeHa = Collections.unmodifiableMap(new LinkedHashMap<>(nativeHa));
        }

        public Instance(String host, String mode) {
            this(host, mode, Map.of());
        }
    }
}

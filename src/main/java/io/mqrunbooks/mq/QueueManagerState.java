package io.mqrunbooks.mq;

import java.util.List;

/**
 * What dspmq says of one queue manager on one host.
 *
 * @param instances for a multi-instance queue manager, its instances ({@code dspmq -x}); else empty
 */
public record QueueManagerState(String host, String queueManager, QmStatus status, List<Instance> instances) {

    public QueueManagerState {
        instances = List.copyOf(instances);
    }

    /** One instance of a multi-instance queue manager: {@code INSTANCE(host) MODE(Active|Standby)}. */
    public record Instance(String host, String mode) {

        public boolean isActive() {
            return "Active".equals(mode);
        }
    }
}

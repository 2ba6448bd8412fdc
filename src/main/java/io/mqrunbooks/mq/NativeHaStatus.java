package io.mqrunbooks.mq;

import java.util.List;
import java.util.Optional;

/**
 * What {@code dspmq -m QM -o nativeha -x} says on one host: the local instance's ROLE, INSTANCE, INSYNC and QUORUM,
 * and, unless the instance is ended, one line per instance of the group as this instance knows it. IBM: "The
 * information supplied by the active instance is definitive, information from replica nodes might be out of date"
 * (https://www.ibm.com/docs/en/SSFKSJ_9.2.0/com.ibm.mq.ctr.doc/Native_HA_status.html).
 *
 * @param known     false when dspmq answered AMQ7048E (no such queue manager on this host); the rest is then empty
 * @param role      Active, Replica or Unknown (empty for a queue manager that is not Native HA)
 * @param quorum    {@code in-sync/configured}, e.g. {@code 3/3}; empty when the instance does not know
 */
public record NativeHaStatus(String host, String queueManager, boolean known, String role, String instance,
                             boolean inSync, String quorum, List<Instance> instances) {

    public NativeHaStatus {
        instances = List.copyOf(instances);
    }

    public boolean isActive() {
        return "Active".equalsIgnoreCase(role);
    }

    public Optional<Instance> instance(String name) {
        return instances.stream().filter(i -> i.name().equals(name)).findFirst();
    }

    /** One instance line: {@code INSTANCE(..) ROLE(..) REPLADDR(..) CONNACTV(..) INSYNC(..) BACKLOG(..) ...}. */
    public record Instance(String name, String role, String replicationAddress, boolean connectedToActive,
                           boolean inSync, long backlogKb) {

        public boolean isActive() {
            return "Active".equalsIgnoreCase(role);
        }

        /** As dspmq prints it, for plans and evidence. */
        public String describe() {
            return "INSTANCE(" + name + ") ROLE(" + role + ") CONNACTV(" + (connectedToActive ? "Yes" : "No")
                    + ") INSYNC(" + (inSync ? "Yes" : "No") + ") BACKLOG(" + backlogKb + ")";
        }
    }
}

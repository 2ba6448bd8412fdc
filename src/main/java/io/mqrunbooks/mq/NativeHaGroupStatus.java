package io.mqrunbooks.mq;

import java.util.List;
import java.util.Optional;

/**
 * What {@code dspmq -m QM -o nativeha -g} says on one host of a Native HA cross-region configuration: the local
 * instance's ROLE (Active, Replica, or Leader in a Recovery group), its group's name and role, and one line per
 * group, its own first. IBM: "The information from the Live group is more definitive, but can still be out of date
 * as the Recovery group sends back only periodic information"
 * (https://www.ibm.com/support/knowledgecenter/en/SSFKSJ_latest/container/Native_HA_status.html).
 *
 * @param known     false when dspmq answered AMQ7048E, or the instance is ended and lists no groups
 * @param role      the instance's ROLE
 * @param groupName GRPNAME of the instance's group
 * @param groupRole GRPROLE of the instance's group: Live, Recovery, Pending live, ...
 * @param groups    the group lines, this instance's group first
 */
public record NativeHaGroupStatus(String host, String queueManager, boolean known, String role, String groupName,
                                  String groupRole, List<Group> groups) {

    public NativeHaGroupStatus {
        groups = List.copyOf(groups);
    }

    public Optional<Group> group(String name) {
        return groups.stream().filter(g -> g.name().equals(name)).findFirst();
    }

    /**
     * One GRPNAME line.
     *
     * @param connected CONNGRP: whether this instance's group is connected to it (true for the instance's own group)
     * @param inSync    INSYNC of a Recovery or Pending live group (true for a Live group, which has no backlog)
     * @param backlogKb BACKLOG: KB of the Live group's log it has not received (0 when not printed)
     * @param syncTime  SYNCTIME: when it was last in sync (empty when not printed)
     * @param version   GRPVER: the IBM MQ version of its leader
     */
    public record Group(String name, String role, boolean connected, boolean inSync, long backlogKb, String syncTime,
                        String version) {

        public boolean isRecovery() {
            return "Recovery".equalsIgnoreCase(role);
        }

        /** As dspmq prints it, for plans and evidence. */
        public String describe() {
            return "GRPNAME(" + name + ") GRPROLE(" + role + ") GRPVER(" + version + ") CONNGRP("
                    + (connected ? "yes" : "no") + ") BACKLOG(" + backlogKb + ") INSYNC(" + (inSync ? "yes" : "no")
                    + ") SYNCTIME(" + syncTime + ")";
        }
    }
}

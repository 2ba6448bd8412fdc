package io.mqrunbooks.estate;

import java.util.List;

/**
 * Native HA cross-region replication (IBM MQ 9.4.2+): a second group of three instances of the same queue manager
 * in another region. Each group has a name ({@code NativeHALocalGroup} / {@code NativeHARemoteGroup} stanzas of
 * qm.ini); which group is Live and which is Recovery is read from {@code dspmq -o nativeha -g}, never from here:
 * the roles change with every switch.
 *
 * @param group          the group name of the queue manager's {@code hosts}
 * @param recoveryGroup  the group name of {@code recoveryHosts}
 * @param recoveryHosts  the three hosts of the other group, one instance each
 */
public record NativeHaCrossRegion(String group, String recoveryGroup, List<String> recoveryHosts) {

    public NativeHaCrossRegion {
        recoveryHosts = List.copyOf(recoveryHosts);
    }
}

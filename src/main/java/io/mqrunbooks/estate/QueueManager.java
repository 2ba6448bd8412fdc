package io.mqrunbooks.estate;

import java.util.List;

/**
 * A queue manager of the estate.
 *
 * @param name          IBM MQ name (1-48 of {@code A-Z a-z 0-9 . _ / %})
 * @param kind          single, multi-instance, rdqm-dr, rdqm-ha
 * @param hosts         the hosts it runs on: one for single; for multi-instance the two instances; for
 *                      rdqm-dr the primary node first, then the secondary node
 * @param listenerName  the listener object started after strmqm (e.g. {@code LISTENER.TCP})
 * @param listenerPort  the TCP port of that listener
 * @param transport     how the MQ admin port reaches it
 * @param pcf           PCF connection settings when transport is PCF, else null
 * @param drReplication RDQM DR replication settings for rdqm-dr, else null
 * @param backup        its DR backup queue manager, or null
 * @param crossRegion   for native-ha with cross-region replication: the other region's group, else null
 */
public record QueueManager(String name, QueueManagerKind kind, List<String> hosts, String listenerName,
                           int listenerPort, Transport transport, PcfConnection pcf,
                           DrReplication drReplication, Backup backup, NativeHaCrossRegion crossRegion) {

    public QueueManager {
        hosts = List.copyOf(hosts);
    }

    /** A queue manager without cross-region replication. */
    public QueueManager(String name, QueueManagerKind kind, List<String> hosts, String listenerName,
                        int listenerPort, Transport transport, PcfConnection pcf,
                        DrReplication drReplication, Backup backup) {
        this(name, kind, hosts, listenerName, listenerPort, transport, pcf, drReplication, backup, null);
    }

    /** Every host an instance of it runs on: its hosts, then a cross-region recovery group's. */
    public List<String> allHosts() {
        if (crossRegion == null) {
            return hosts;
        }
        List<String> all = new java.util.ArrayList<>(hosts);
        all.addAll(crossRegion.recoveryHosts());
        return List.copyOf(all);
    }

    /** The host it normally runs on: the first listed. */
    public String primaryHost() {
        return hosts.get(0);
    }
}

package io.mqrunbooks.lab.pcf;

import io.mqrunbooks.estate.Estate;
import io.mqrunbooks.estate.PcfConnection;
import io.mqrunbooks.estate.QueueManager;
import io.mqrunbooks.estate.Transport;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The lab option {@code mqrunbooks.lab.pcf-queue-managers}: the named queue managers get {@code transport: pcf}
 * in the app's inventory, so the app's router sends their MQ administration over PCF to the lab's command
 * server instead of runmqsc over SSH (control commands such as strmqm stay on SSH, as in production).
 */
public final class LabPcfRouting {

    /** The server-connection channel the lab's PCF inventory entries name; the lab checks no channel. */
    static final String LAB_CHANNEL = "SYSTEM.ADMIN.SVRCONN";

    private LabPcfRouting() {
    }

    /** The estate with those queue managers on PCF; a name the inventory does not have is refused. */
    public static Estate routeOverPcf(Estate estate, List<String> queueManagers) {
        Set<String> wanted = new TreeSet<>();
        queueManagers.stream().map(String::strip).filter(n -> !n.isEmpty()).forEach(wanted::add);
        Set<String> unknown = new TreeSet<>(wanted);
        estate.queueManagers().forEach(q -> unknown.remove(q.name()));
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("mqrunbooks.lab.pcf-queue-managers names " + unknown
                    + ", which the lab inventory does not have; it has " + estate.queueManagers().stream()
                    .map(QueueManager::name).toList());
        }
        if (wanted.isEmpty()) {
            return estate;
        }
        List<QueueManager> routed = estate.queueManagers().stream()
                .map(q -> wanted.contains(q.name()) ? new QueueManager(q.name(), q.kind(), q.hosts(), q.listenerName(),
                        q.listenerPort(), Transport.PCF, new PcfConnection(LAB_CHANNEL, null), q.drReplication(),
                        q.backup()) : q)
                .toList();
        return new Estate(estate.sites(), estate.hosts(), routed, estate.clusters(), estate.channelPartners());
    }
}

package io.mqrunbooks.estate;

import java.util.List;
import java.util.Optional;

/** The validated inventory: everything the runbooks may act on. Built only by {@code InventoryLoader}. */
public record Estate(
        List<Site> sites,
        List<Host> hosts,
        List<QueueManager> queueManagers,
        List<Cluster> clusters,
        List<ChannelPartner> channelPartners) {

    public Estate {
        sites = List.copyOf(sites);
        hosts = List.copyOf(hosts);
        queueManagers = List.copyOf(queueManagers);
        clusters = List.copyOf(clusters);
        channelPartners = List.copyOf(channelPartners);
    }

    public Optional<Host> findHost(String name) {
        return hosts.stream().filter(h -> h.name().equals(name)).findFirst();
    }

    public Host host(String name) {
        return findHost(name).orElseThrow(() -> new UnknownEstateObjectException("host", name));
    }

    public Optional<QueueManager> findQueueManager(String name) {
        return queueManagers.stream().filter(q -> q.name().equals(name)).findFirst();
    }

    public QueueManager queueManager(String name) {
        return findQueueManager(name).orElseThrow(() -> new UnknownEstateObjectException("queue manager", name));
    }

    public Optional<Cluster> findCluster(String name) {
        return clusters.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    public Cluster cluster(String name) {
        return findCluster(name).orElseThrow(() -> new UnknownEstateObjectException("cluster", name));
    }

    /** Clusters the queue manager belongs to, as a full or partial repository. */
    public List<Cluster> clustersOf(String queueManager) {
        return clusters.stream().filter(c -> c.members().contains(queueManager)).toList();
    }

    public List<ChannelPartner> partnersOf(String queueManager) {
        return channelPartners.stream().filter(p -> p.queueManager().equals(queueManager)).toList();
    }
}

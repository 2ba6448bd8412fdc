package io.mqrunbooks.application.rdqm;

import io.mqrunbooks.application.RunbookRefusal;
import io.mqrunbooks.estate.DrReplication;
import io.mqrunbooks.estate.Host;
import java.util.List;

/**
 * An RDQM DR queue manager as the inventory describes it: its two nodes (the configured primary first)
 * with their replication addresses, the replication port and mode, and the listener port.
 */
public record DrPair(String queueManager, Host configuredPrimary, Host configuredSecondary, DrReplication replication,
                     int listenerPort) {

    public List<String> nodes() {
        return List.of(configuredPrimary.name(), configuredSecondary.name());
    }

    public Host host(String node) {
        if (configuredPrimary.name().equals(node)) {
            return configuredPrimary;
        }
        if (configuredSecondary.name().equals(node)) {
            return configuredSecondary;
        }
        throw new RunbookRefusal("NODE_NOT_IN_PAIR", "Node '" + node + "' is not a node of " + queueManager
                + " (its nodes are " + configuredPrimary.name() + " and " + configuredSecondary.name() + ")");
    }

    /** The other node of the pair. */
    public String other(String node) {
        return host(node) == configuredPrimary ? configuredSecondary.name() : configuredPrimary.name();
    }
}

package io.mqrunbooks.platform.run;

import java.util.Set;
import java.util.TreeSet;

/**
 * What a run may change: the queue managers and hosts its sealed target resolves to in the inventory.
 * A side-effecting command on anything else is refused, whatever a variable says.
 */
public record RunScope(Set<String> queueManagers, Set<String> hosts) {

    /** For a run whose target is not in the inventory: it may change nothing. */
    public static final RunScope NOTHING = new RunScope(Set.of(), Set.of());

    public RunScope {
        queueManagers = Set.copyOf(new TreeSet<>(queueManagers));
        hosts = Set.copyOf(new TreeSet<>(hosts));
    }

    public boolean coversQueueManager(String name) {
        return name != null && queueManagers.contains(name);
    }

    public boolean coversHost(String name) {
        return name != null && hosts.contains(name);
    }

    @Override
    public String toString() {
        return "queue managers " + new TreeSet<>(queueManagers) + ", hosts " + new TreeSet<>(hosts);
    }
}

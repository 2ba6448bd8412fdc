package io.mqrunbooks.mq;

import java.util.Map;

/** One DISPLAY QCLUSTER object: a cluster queue and the queue manager hosting it. */
public record ClusterQueue(String name, String cluster, String hostedBy, Map<String, String> attributes) {

    public ClusterQueue {
        attributes = Map.copyOf(attributes);
    }
}

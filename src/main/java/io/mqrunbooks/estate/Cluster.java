package io.mqrunbooks.estate;

import java.util.ArrayList;
import java.util.List;

/** An MQ cluster: its full repositories (two or more recommended, at least one required) and partial ones. */
public record Cluster(String name, List<String> fullRepositories, List<String> partialRepositories) {

    public Cluster {
        fullRepositories = List.copyOf(fullRepositories);
        partialRepositories = List.copyOf(partialRepositories);
    }

    /** Full repositories first, then partial ones: the order of a staged migration. */
    public List<String> members() {
        List<String> all = new ArrayList<>(fullRepositories);
        all.addAll(partialRepositories);
        return all;
    }

    public boolean isFullRepository(String queueManager) {
        return fullRepositories.contains(queueManager);
    }
}

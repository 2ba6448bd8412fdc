package io.mqrunbooks.application.clustermigration;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A record of the cluster objects at one moment (seed 002 steps 2 and 3): the migrated queue manager's own view
 * and each full repository's view of it.
 *
 * @param takenAt          ISO instant
 * @param installedVersion dspmqver's version on the migrated queue manager's host when the record was taken
 * @param views            the migrated queue manager's view first, then one per full repository
 */
public record ClusterRecord(String takenAt, String installedVersion, List<ClusterView> views) {

    public ClusterRecord {
        views = List.copyOf(views);
    }

    public String summary() {
        return "Taken at " + takenAt + " (installed version " + installedVersion + ")\n"
                + views.stream().map(ClusterView::summary).collect(Collectors.joining());
    }
}

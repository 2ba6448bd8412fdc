package io.mqrunbooks.adapter.inbound.camunda.clustermigration;

import io.mqrunbooks.application.clustermigration.ClusterMigrationSettings;
import io.mqrunbooks.application.clustermigration.MigrationPlan;

/** The plan in words, for the change manager's gate. */
final class MigrationSummaries {

    private MigrationSummaries() {
    }

    static String plan(MigrationPlan plan, ClusterMigrationSettings settings, String reason) {
        String clusters = String.join(", ", plan.clusters());
        return "Migrate " + plan.queueManager() + " on host " + plan.host() + " to a new IBM MQ version.\n"
                + "Reason: " + (reason == null ? "(none given)" : reason) + "\n"
                + "Clusters: " + clusters + "; full repositories: " + String.join(", ", plan.fullRepositories()) + "\n"
                + "What happens after approval (seed 002's plan):\n"
                + "  pre-checks: full repositories reachable (DISPLAY QMSTATUS), cluster queues only "
                + plan.queueManager() + " hosts (acknowledge the outage), test queues " + plan.localTestQueue()
                + " and " + plan.peerTestQueue() + " (defined if missing)\n"
                + "  1. SUSPEND QMGR CLUSTER(" + clusters + "), then watch its traffic for "
                + settings.trafficWatchPeriod() + "\n"
                + "  2-3. record DISPLAY CLUSQMGR(*) and DISPLAY QC(*) on " + plan.queueManager()
                + " and each full repository's view of it\n"
                + "  4. endmqm " + settings.endMode().flag() + " " + plan.queueManager() + ", wait until dspmq shows it ended\n"
                + "  5-6. an operator takes the backup and installs the new version (dspmqver proves it)\n"
                + "  7-10. strmqm, compare both records with new ones (an operator decides: continue or back out),"
                + " cluster channels to the full repositories running\n"
                + "  11-12. a test message each way with " + plan.peer() + "\n"
                + "  13-14. RESUME QMGR CLUSTER(" + clusters + "), monitor for " + settings.monitoringPeriod()
                + ", sign-off\n"
                + "Backout (from every decision after the stop, or when a verification fails): end it, restore the"
                + " backup at the old version, strmqm, compare with the first records, RESUME.";
    }
}

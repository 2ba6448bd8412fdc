package io.mqrunbooks.runbooks.clustermigration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqrunbooks.application.clustermigration.ClusterMigrationSettings;
import io.mqrunbooks.application.clustermigration.ClusterRecord;
import io.mqrunbooks.application.clustermigration.ClusterView;
import io.mqrunbooks.application.clustermigration.ClusterViewComparison;
import io.mqrunbooks.application.clustermigration.MigrationPlan;
import io.mqrunbooks.application.clustermigration.MigrationPlanner;
import io.mqrunbooks.application.clustermigration.MigrationRefusedException;
import io.mqrunbooks.application.port.out.control.EndMode;
import io.mqrunbooks.mq.ClusterQueue;
import io.mqrunbooks.mq.ClusterQueueManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The application services' decisions, without the engine: plans from the lab inventory and the comparison. */
class ClusterMigrationPlanningTest {

    private final MigrationPlanner planner = new MigrationPlanner(MigrationRig.labEstate(),
            ClusterMigrationSettings.defaults());

    @Test
    void planOfAPartialRepositoryTestsWithTheFirstFullRepository() {
        assertThat(planner.plan("PR3")).isEqualTo(new MigrationPlan("PR3", "pr3", List.of("PAYCLUS"),
                List.of("FR1", "FR2"), "FR1", "PAYCLUS", "MQRB.TEST.PR3", "MQRB.TEST.FR1"));
        assertThat(planner.plan("FR1").peer()).isEqualTo("FR2");
        assertThat(planner.plan("FR1").otherFullRepositories()).containsExactly("FR2");
    }

    @Test
    void badNamesAndQueueManagersOutsideAClusterAreRefusedWithTheReason() {
        assertThatThrownBy(() -> planner.plan("PR3; rm -rf /")).isInstanceOf(MigrationRefusedException.class)
                .hasMessage("queue manager name 'PR3; rm -rf /' has characters IBM MQ does not allow in a name"
                        + " (only A-Z a-z 0-9 . _ / %)");
        assertThatThrownBy(() -> planner.plan("MIQM")).hasMessage("queue manager MIQM is multi-instance; this"
                + " runbook migrates single-instance queue managers");
        assertThatThrownBy(() -> new MigrationPlanner(MigrationRig.labEstate(), new ClusterMigrationSettings(
                Duration.ofMinutes(5), Duration.ofMinutes(1), EndMode.WAIT, Duration.ofSeconds(10), 30,
                Duration.ofMinutes(30), "MQRB.MIGRATION.TEST.QUEUES.OF.THE.PAYMENTS.CLUS.", Duration.ofSeconds(10)))
                .plan("PR1")).hasMessage("test queue name 'MQRB.MIGRATION.TEST.QUEUES.OF.THE.PAYMENTS.CLUS.PR1' is 51 characters; IBM MQ allows"
                + " at most 48; shorten mqrunbooks.cluster-migration.test-queue-prefix");
    }

    @Test
    void stagedOrderPutsFullRepositoriesFirst() {
        assertThat(planner.stagedOrder("PAYCLUS")).containsExactly("FR1", "FR2", "PR1", "PR2", "PR3");
        assertThatThrownBy(() -> planner.stagedOrder("NOCLUS")).hasMessage("cluster NOCLUS is not in the inventory");
    }

    @Test
    void settingsRefuseAnEndModeTheMigrationDoesNotUse() {
        assertThatThrownBy(() -> new ClusterMigrationSettings(Duration.ofMinutes(5), Duration.ofMinutes(1),
                EndMode.PREEMPTIVE, Duration.ofSeconds(10), 30, Duration.ofMinutes(30), "MQRB.TEST.",
                Duration.ofSeconds(10))).hasMessage("mqrunbooks.cluster-migration.end-mode is PREEMPTIVE; the"
                + " migration stops a queue manager with WAIT (endmqm -w) or IMMEDIATE (endmqm -i)");
        assertThat(ClusterMigrationSettings.defaults().trafficSamples()).isEqualTo(6);
    }

    private static ClusterQueueManager pr3(String version, String status, String clustime, String conname) {
        return new ClusterQueueManager("PR3", "PAYCLUS", "TO.PR3", "NORMAL", true, status, conname,
                Map.of("CLUSQMGR", "PR3", "VERSION", version, "STATUS", status, "CLUSTIME", clustime,
                        "CONNAME", conname, "SUSPEND", "YES"));
    }

    private static ClusterQueue queue(String name) {
        return new ClusterQueue(name, "PAYCLUS", "PR3", Map.of("QUEUE", name, "DEFPSIST", "NO"));
    }

    @Test
    void comparisonIgnoresTimesAndStatusListsTheVersionAsExpectedAndReportsEverythingElse() {
        MigrationPlan plan = planner.plan("PR3");
        ClusterRecord before = new ClusterRecord("t0", "9.4.0.0", List.of(new ClusterView("PR3", List.of("D"),
                List.of(pr3("09040000", "RUNNING", "10.00.00", "pr3(1453)")),
                List.of(queue("PAY.AUDIT"), queue("PAY.ROUTING")))));
        ClusterRecord after = new ClusterRecord("t1", "9.4.1.0", List.of(new ClusterView("PR3", List.of("D"),
                List.of(pr3("09040100", "INACTIVE", "11.00.00", "pr3(1454)")),
                List.of(queue("PAY.AUDIT"), queue("MQRB.TEST.PR3"), queue("PAY.NEW")))));

        ClusterViewComparison.Result upgraded = ClusterViewComparison.compare(plan, before, after, true);
        assertThat(upgraded.summary()).isEqualTo("3 differences:\n"
                + "  on PR3: CLUSQMGR(PR3) CLUSTER(PAYCLUS) CONNAME: pr3(1453) -> pr3(1454)\n"
                + "  on PR3: QCLUSTER(PAY.ROUTING) CLUSQMGR(PR3) CLUSTER(PAYCLUS) (object): present -> (absent)\n"
                + "  on PR3: QCLUSTER(PAY.NEW) CLUSQMGR(PR3) CLUSTER(PAYCLUS) (object): (absent) -> present\n"
                + "Expected changes (the new version):\n"
                + "  on PR3: CLUSQMGR(PR3) CLUSTER(PAYCLUS) VERSION: 09040000 -> 09040100\n"
                + "Not compared (they change by themselves): ALTDATE, ALTTIME, CLUSDATE, CLUSTIME, STATUS\n");

        ClusterViewComparison.Result backedOut = ClusterViewComparison.compare(plan, before, after, false);
        assertThat(backedOut.expectedChanges()).isEmpty();
        assertThat(backedOut.differences()).extracting(d -> d.field()).contains("VERSION");
    }
}

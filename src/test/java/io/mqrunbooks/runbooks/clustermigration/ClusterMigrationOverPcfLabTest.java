package io.mqrunbooks.runbooks.clustermigration;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqrunbooks.adapter.outbound.mq.RoutingMqAdmin;
import io.mqrunbooks.adapter.outbound.mq.pcf.PcfMqAdmin;
import io.mqrunbooks.mq.ClusterQueueManager;
import io.mqrunbooks.platform.run.EstateChangeGuard;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * A cluster migration with the administration of PR1 and both full repositories routed over PCF
 * ({@code mqrunbooks.lab.pcf-queue-managers}): suspend, cluster records, definitions and resume go through
 * {@link PcfMqAdmin} and IBM's PCFMessageAgent to the lab's command server; only the control commands (endmqm,
 * strmqm, dspmqver) use SSH. Its own Spring context, as the routing is a startup property, and on MariaDB a database
 * of its own: the end-to-end context stays cached beside it, and the two job executors must not take each other's jobs.
 */
@TestPropertySource(properties = {"mqrunbooks.lab.pcf-queue-managers=FR1,FR2,PR1",
        "mqrunbooks.test.mariadb-database=mqrunbooks_ci_pcf"})
class ClusterMigrationOverPcfLabTest extends ClusterMigrationLabRun {

    @Test
    void theClusterSideOfABackedOutMigrationOfPr1GoesOverPcf() {
        RoutingMqAdmin router = (RoutingMqAdmin) EstateChangeGuard.unguarded(mqAdmin);
        assertThat(List.of("FR1", "FR2", "PR1")).allSatisfy(qm ->
                assertThat(router.transportFor(qm)).isInstanceOf(PcfMqAdmin.class));

        ClusterQueueManager[] whileUpgrading = new ClusterQueueManager[1];
        String id = backOutMigrationOfPr1(() -> whileUpgrading[0] = mqAdmin.clusterQueueManagers("FR1", "PR1").get(0));
        ClusterQueueManager whileSuspended = whileUpgrading[0];

        assertThat(whileSuspended.suspended()).as("FR1 sees PR1 suspended during the upgrade").isTrue();
        assertThat(variable(id, "outcome")).isEqualTo("backed out: application team found a regression");
        assertThat((String) variable(id, "backoutDifferencesSummary")).startsWith("No differences");
        ClusterQueueManager pr1 = mqAdmin.clusterQueueManagers("FR1", "PR1").get(0);
        assertThat(pr1.suspended()).isFalse();
        assertThat(pr1.attributes()).containsEntry("VERSION", "09040000");
        assertThat(commands()).as("no runmqsc for the queue managers on PCF").noneMatch(c -> c.contains("runmqsc"));
        assertThat(commands().stream().filter(c -> c.startsWith("pr1: endmqm") || c.startsWith("pr1: strmqm")))
                .containsExactly("pr1: endmqm -w PR1", "pr1: strmqm PR1", "pr1: endmqm -w PR1", "pr1: strmqm PR1");
    }
}

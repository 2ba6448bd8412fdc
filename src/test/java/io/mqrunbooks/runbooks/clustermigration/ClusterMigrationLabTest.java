package io.mqrunbooks.runbooks.clustermigration;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqrunbooks.mq.ClusterQueue;
import io.mqrunbooks.mq.ClusterQueueManager;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The whole app against the lab over real SSH: the job executor runs the steps, the test plays the people (a
 * starter, a change manager, an operator), fires the timers at once and installs the new version through the
 * simulator's control API, as the operator would on the host.
 */
class ClusterMigrationLabTest extends ClusterMigrationLabRun {

    @Test
    void migratesPr3OverSshFollowingTheSeedsPlan() {
        String id = start("clusterQueueManagerMigrationProcess", "CHG-PR3", Map.of("queueManager", "PR3",
                "targetVersion", "9.4.1.0", "reason", "MQ 9.4.1 upgrade"));
        complete("CHG-PR3", "userTask_approveMigration", Map.of("decision", "approve"));
        complete("CHG-PR3", "userTask_acknowledgeOutage", Map.of("outageDecision", "acknowledge"));
        complete("CHG-PR3", "userTask_takeBackup", Map.of("backupLocation", "/backup/pr3/2026-11-21"));
        labMq.installVersion("pr3", "9.4.1.0");
        complete("CHG-PR3", "userTask_installVersion", Map.of("targetVersion", "9.4.1.0",
                "installDecision", "continue"));
        waitForTask("CHG-PR3", "userTask_reviewDifferences");
        assertThat(variable(id, "differenceCount")).isEqualTo(0);
        assertThat((String) variable(id, "differencesSummary")).contains("Expected changes (the new version):\n"
                + "  on PR3: CLUSQMGR(PR3) CLUSTER(PAYCLUS) VERSION: 09040000 -> 09040100\n");
        complete("CHG-PR3", "userTask_reviewDifferences", Map.of("reviewDecision", "continue"));
        // a variable written past the API does not change the version the outcome names: that is dspmqver's evidence
        runtimeService.setVariable(id, "installedVersion", "9.9.9.9");
        complete("CHG-PR3", "userTask_signOff", Map.of("signOffDecision", "continue"));
        waitUntilEnded(id);

        assertThat(variable(id, "outcome")).isEqualTo("completed: PR3 runs 9.4.1.0 and is resumed in its clusters");
        assertThat(labMq.installedVersion("pr3")).isEqualTo("9.4.1.0");
        for (String repository : List.of("FR1", "FR2")) {
            ClusterQueueManager pr3 = mqAdmin.clusterQueueManagers(repository, "PR3").get(0);
            assertThat(pr3.suspended()).as(repository + " sees PR3 resumed").isFalse();
            assertThat(pr3.attributes()).containsEntry("VERSION", "09040100");
            assertThat(mqAdmin.clusterQueues(repository, Optional.of("PR3")).stream().map(ClusterQueue::name))
                    .contains("PAY.AUDIT", "PAY.ROUTING");
        }
        assertThat(commands()).containsSubsequence(
                "fr1: runmqsc FR1", "fr2: runmqsc FR2",           // full repositories reachable
                "pr3: runmqsc PR3", "fr1: runmqsc FR1",           // sole-hosted queues
                "pr3: runmqsc PR3",                                // SUSPEND
                "pr3: dspmqver", "fr1: runmqsc FR1", "fr2: runmqsc FR2", // records before
                "pr3: endmqm -w PR3", "pr3: dspmqver", "pr3: strmqm PR3",
                "pr3: dspmqver", "fr1: runmqsc FR1", "fr2: runmqsc FR2", // records after
                "fr1: amqsput MQRB.TEST.PR3 FR1", "pr3: amqsget MQRB.TEST.PR3 PR3",
                "pr3: amqsput MQRB.TEST.FR1 PR3", "fr1: amqsget MQRB.TEST.FR1 FR1",
                "pr3: runmqsc PR3");                               // RESUME
        assertThat(commands().stream().filter(c -> c.startsWith("pr3: endmqm") || c.startsWith("pr3: strmqm")))
                .containsExactly("pr3: endmqm -w PR3", "pr3: strmqm PR3");
    }

    @Test
    void operatorBacksOutAfterTheReviewAndTheQueueManagerRunsTheOldVersionAgain() {
        String id = backOutMigrationOfPr1(() -> { });

        assertThat(variable(id, "outcome")).isEqualTo("backed out: application team found a regression");
        assertThat((String) variable(id, "backoutDifferencesSummary")).startsWith("No differences");
        ClusterQueueManager pr1 = mqAdmin.clusterQueueManagers("FR1", "PR1").get(0);
        assertThat(pr1.suspended()).isFalse();
        assertThat(pr1.attributes()).containsEntry("VERSION", "09040000");
        assertThat(commands().stream().filter(c -> c.startsWith("pr1: endmqm") || c.startsWith("pr1: strmqm")))
                .containsExactly("pr1: endmqm -w PR1", "pr1: strmqm PR1", "pr1: endmqm -w PR1", "pr1: strmqm PR1");
        assertThat(commands()).noneMatch(c -> c.contains("amqsput"));
    }

    @Test
    void stagedMigrationTakesEveryMemberOfPayclusFullRepositoriesFirst() {
        String id = start("stagedClusterMigrationProcess", "CHG-PAYCLUS", Map.of("clusterName", "PAYCLUS",
                "targetVersion", "9.4.1.0", "reason", "MQ 9.4.1 upgrade"));
        for (String queueManager : List.of("FR1", "FR2", "PR1", "PR2", "PR3")) {
            if (!queueManager.equals("FR1")) {
                complete("CHG-PAYCLUS", "userTask_approveNextMember", Map.of("stageDecision", "continue"));
            }
            String host = queueManager.toLowerCase();
            complete("CHG-PAYCLUS", "userTask_approveMigration", Map.of("decision", "approve"));
            if (queueManager.equals("PR3")) {
                complete("CHG-PAYCLUS", "userTask_acknowledgeOutage", Map.of("outageDecision", "acknowledge"));
            }
            complete("CHG-PAYCLUS", "userTask_takeBackup", Map.of("backupLocation", "/backup/" + host));
            labMq.installVersion(host, "9.4.1.0");
            complete("CHG-PAYCLUS", "userTask_installVersion", Map.of("targetVersion", "9.4.1.0",
                    "installDecision", "continue"));
            complete("CHG-PAYCLUS", "userTask_reviewDifferences", Map.of("reviewDecision", "continue"));
            complete("CHG-PAYCLUS", "userTask_signOff", Map.of("signOffDecision", "continue"));
        }
        waitUntilEnded(id);

        assertThat((String) variable(id, "outcome")).startsWith("completed: FR1: migrated (completed: FR1 runs 9.4.1.0")
                .endsWith("PR3: migrated (completed: PR3 runs 9.4.1.0 and is resumed in its clusters)");
        List<String> stops = commands().stream().filter(c -> c.contains(": endmqm")).toList();
        assertThat(stops).containsExactly("fr1: endmqm -w FR1", "fr2: endmqm -w FR2", "pr1: endmqm -w PR1",
                "pr2: endmqm -w PR2", "pr3: endmqm -w PR3");
        for (String member : List.of("FR1", "FR2", "PR1", "PR2", "PR3")) {
            assertThat(labMq.installedVersion(member.toLowerCase())).isEqualTo("9.4.1.0");
            ClusterQueueManager seen = mqAdmin.clusterQueueManagers("FR1", member).get(0);
            assertThat(seen.suspended()).as(member).isFalse();
            assertThat(seen.attributes()).as(member).containsEntry("VERSION", "09040100");
        }
    }

    @Test
    void stagedMigrationNamesEachMembersResultFromItsOwnRunsEvidence() {
        String id = start("stagedClusterMigrationProcess", "CHG-PAYCLUS-2", Map.of("clusterName", "PAYCLUS",
                "targetVersion", "9.4.1.0", "reason", "MQ 9.4.1 upgrade"));
        complete("CHG-PAYCLUS-2", "userTask_approveMigration", Map.of("decision", "reject",
                "approvalComment", "not this week"));
        complete("CHG-PAYCLUS-2", "userTask_approveNextMember", Map.of("stageDecision", "continue"));
        complete("CHG-PAYCLUS-2", "userTask_approveMigration", Map.of("decision", "approve"));
        complete("CHG-PAYCLUS-2", "userTask_takeBackup", Map.of("backupLocation", "/backup/fr2"));
        labMq.installVersion("fr2", "9.4.1.0");
        complete("CHG-PAYCLUS-2", "userTask_installVersion", Map.of("targetVersion", "9.4.1.0",
                "installDecision", "continue"));
        complete("CHG-PAYCLUS-2", "userTask_reviewDifferences", Map.of("reviewDecision", "continue"));
        complete("CHG-PAYCLUS-2", "userTask_signOff", Map.of("signOffDecision", "continue"));
        complete("CHG-PAYCLUS-2", "userTask_approveNextMember", Map.of("stageDecision", "stop"));
        waitUntilEnded(id);

        assertThat(variable(id, "outcome")).isEqualTo("stopped: FR1: rejected (rejected: not this week); FR2: migrated"
                + " (completed: FR2 runs 9.4.1.0 and is resumed in its clusters); untouched: PR1, PR2, PR3");
        assertThat(variable(id, "migratedQueueManagers").toString()).isEqualTo("[\"FR2\"]");
        assertThat(labMq.installedVersion("fr1")).isEqualTo("9.4.0.0");
    }
}

package io.mqrunbooks.runbooks.clustermigration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqrunbooks.testsupport.DatabaseTest;
import io.mqrunbooks.testsupport.RunbookTestEngine;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DatabaseTest
@Deployment(resources = {"processes/stagedClusterMigrationProcess.bpmn",
        "processes/clusterQueueManagerMigrationProcess.bpmn",
        "forms/clusterMigrationStagedStart.form", "forms/clusterMigrationStagedNext.form",
        "forms/clusterMigrationStart.form", "forms/clusterMigrationApprove.form",
        "forms/clusterMigrationAcknowledgeOutage.form", "forms/clusterMigrationBackup.form",
        "forms/clusterMigrationInstall.form", "forms/clusterMigrationReviewDifferences.form",
        "forms/clusterMigrationSignOff.form", "forms/clusterMigrationRestoreBackup.form"})
class StagedClusterMigrationProcessTest {

    @RegisterExtension
    static ProcessEngineExtension extension = RunbookTestEngine.extension();

    ProcessEngine engine;
    MigrationRig rig;

    @BeforeEach
    void wire() {
        engine = extension.getProcessEngine();
        rig = new MigrationRig(engine);
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    private ProcessInstance child(String stagedId) {
        return engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(stagedId).singleResult();
    }

    private List<String> suspensions() {
        return rig.fake.journal.stream().filter(line -> line.startsWith("SUSPEND")).toList();
    }

    @Test
    void migratesEveryMemberFullRepositoriesFirstWithAGateBetweenThem() {
        String id = rig.startStaged("PAYCLUS");
        rig.runJobs();
        for (String queueManager : List.of("FR1", "FR2", "PR1", "PR2", "PR3")) {
            if (!queueManager.equals("FR1")) {
                assertThat((String) rig.variable(id, "stagesSummary")).endsWith("Next: " + queueManager + " ("
                        + (FakeClusterEstate.MEMBERS.indexOf(queueManager) + 1) + " of 5)");
                String gate = rig.task(id, "userTask_approveNextMember").getId();
                assertThat(engine.getTaskService().getVariable(gate, "stageDecision")).as("decision shown").isNull();
                assertThat(engine.getTaskService().getVariable(gate, "stageComment")).as("comment shown").isNull();
                if (queueManager.equals("FR2")) { // every member's host, FR1 already at the new version
                    assertThat((String) engine.getTaskService().getVariable(gate, "versionReport")).startsWith("""
                            Host  Queue manager  Installed  Bulletins
                            fr1   FR1            9.4.1.0    CVE-2026-1713, CVE-2026-10027
                            fr2   FR2            9.4.0.0    CVE-2026-1713, CVE-2026-10027
                            pr1   PR1            9.4.0.0 """);
                }
                rig.complete(id, "userTask_approveNextMember", Map.of("stageDecision", "continue",
                        "stageComment", queueManager + " next"));
            }
            ProcessInstance child = child(id);
            assertThat(engine.getRuntimeService().getVariable(child.getId(), "queueManager")).isEqualTo(queueManager);
            assertThat(engine.getRuntimeService().getVariable(child.getId(), "initiator")).isEqualTo(MigrationRig.STARTER);
            rig.migrate(child.getId(), queueManager);
        }
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(id).singleResult()).isNull();
        assertThat(suspensions()).containsExactly("SUSPEND QMGR CLUSTER(PAYCLUS) on FR1",
                "SUSPEND QMGR CLUSTER(PAYCLUS) on FR2", "SUSPEND QMGR CLUSTER(PAYCLUS) on PR1",
                "SUSPEND QMGR CLUSTER(PAYCLUS) on PR2", "SUSPEND QMGR CLUSTER(PAYCLUS) on PR3");
        assertThat(rig.fake.startedVersion).containsEntry("FR1", "9.4.1.0").containsEntry("PR3", "9.4.1.0");
        assertThat(rig.variable(id, "outcome")).isEqualTo("completed: "
                + "FR1: migrated (completed: FR1 runs 9.4.1.0 and is resumed in its clusters); "
                + "FR2: migrated (completed: FR2 runs 9.4.1.0 and is resumed in its clusters); "
                + "PR1: migrated (completed: PR1 runs 9.4.1.0 and is resumed in its clusters); "
                + "PR2: migrated (completed: PR2 runs 9.4.1.0 and is resumed in its clusters); "
                + "PR3: migrated (completed: PR3 runs 9.4.1.0 and is resumed in its clusters)");
        assertThat(rig.variable(id, "migratedQueueManagers").toString())
                .isEqualTo("[\"FR1\",\"FR2\",\"PR1\",\"PR2\",\"PR3\"]");
        // the test queue FR1 got in its own run is reused, not defined again, when FR2 tests with it
        assertThat(rig.fake.journal.stream().filter(l -> l.equals("DEFINE QLOCAL(MQRB.TEST.FR1) on FR1"))).hasSize(1);
    }

    @Test
    void stoppingPartWayLeavesTheRestUntouchedAndSaysWhichWereDone() {
        String id = rig.startStaged("PAYCLUS");
        rig.runJobs();
        rig.migrate(child(id).getId(), "FR1");
        assertThat((String) rig.variable(id, "stagesSummary")).isEqualTo("Order (full repositories first): FR1, FR2,"
                + " PR1, PR2, PR3\nDone:\n  FR1: migrated (completed: FR1 runs 9.4.1.0 and is resumed in its clusters)\n"
                + "Not yet migrated: FR2, PR1, PR2, PR3\nNext: FR2 (2 of 5)");
        rig.complete(id, "userTask_approveNextMember", Map.of("stageDecision", "stop", "stageComment", "wait a week"));

        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(id).singleResult()).isNull();
        assertThat(rig.variable(id, "outcome")).isEqualTo("stopped: FR1: migrated (completed: FR1 runs 9.4.1.0 and is"
                + " resumed in its clusters); untouched: FR2, PR1, PR2, PR3");
        assertThat(rig.variable(id, "untouchedQueueManagers").toString()).isEqualTo("[\"FR2\",\"PR1\",\"PR2\",\"PR3\"]");
        assertThat(rig.variable(id, "migratedQueueManagers").toString()).isEqualTo("[\"FR1\"]");
        assertThat(suspensions()).containsExactly("SUSPEND QMGR CLUSTER(PAYCLUS) on FR1");
        assertThat(rig.fake.startedVersion).containsEntry("FR2", "9.4.0.0").containsEntry("PR3", "9.4.0.0");
    }

    @Test
    void aBackedOutMemberIsReportedAndTheGateDecidesWhetherToGoOn() {
        String id = rig.startStaged("PAYCLUS");
        rig.runJobs();
        String fr1 = child(id).getId();
        rig.approveAndAcknowledge(fr1);
        rig.complete(fr1, "userTask_takeBackup", Map.of("backupLocation", "/backup/fr1"));
        rig.complete(fr1, "userTask_installVersion", Map.of("targetVersion", "9.4.1.0", "installDecision", "backout",
                "backoutReason", "installer refused the fix pack"));
        rig.complete(fr1, "userTask_restoreBackup", Map.of("backupRestored", true));
        assertThat((String) rig.variable(id, "stagesSummary")).contains(
                "  FR1: backed out (backed out: installer refused the fix pack)\n");
        rig.complete(id, "userTask_approveNextMember", Map.of("stageDecision", "stop"));
        assertThat(rig.variable(id, "outcome")).isEqualTo("stopped: FR1: backed out (backed out: installer refused the"
                + " fix pack); untouched: FR2, PR1, PR2, PR3");
        assertThat(rig.variable(id, "migratedQueueManagers").toString()).isEqualTo("[]");
    }

    @Test
    void aRejectedMemberIsNeitherMigratedNorCompletedWhenTheRestGoOn() {
        String id = rig.startStaged("PAYCLUS");
        rig.runJobs();
        rig.complete(child(id).getId(), "userTask_approveMigration", Map.of("decision", "reject",
                "approvalComment", "not this week"));
        for (String queueManager : List.of("FR2", "PR1", "PR2", "PR3")) {
            rig.complete(id, "userTask_approveNextMember", Map.of("stageDecision", "continue"));
            rig.migrate(child(id).getId(), queueManager);
        }

        assertThat(rig.variable(id, "outcome")).isEqualTo("not all migrated: FR1: rejected (rejected: not this week); "
                + "FR2: migrated (completed: FR2 runs 9.4.1.0 and is resumed in its clusters); "
                + "PR1: migrated (completed: PR1 runs 9.4.1.0 and is resumed in its clusters); "
                + "PR2: migrated (completed: PR2 runs 9.4.1.0 and is resumed in its clusters); "
                + "PR3: migrated (completed: PR3 runs 9.4.1.0 and is resumed in its clusters)");
        assertThat(rig.variable(id, "migratedQueueManagers").toString())
                .isEqualTo("[\"FR2\",\"PR1\",\"PR2\",\"PR3\"]");
        assertThat(rig.variable(id, "untouchedQueueManagers").toString()).isEqualTo("[]");
        assertThat(rig.fake.startedVersion).containsEntry("FR1", "9.4.0.0").containsEntry("FR2", "9.4.1.0");
    }

    @Test
    void clusterNotInTheInventoryEndsAtOnce() {
        String id = rig.startStaged("NOCLUS");
        rig.runJobs();
        assertThat(rig.variable(id, "outcome")).isEqualTo("aborted: cluster NOCLUS is not in the inventory");
    }
    @Test
    void aSealedValueHiddenByALocalVariableInTheMemberSubprocessStopsTheRunAtItsGate() {
        String id = rig.startStaged("PAYCLUS");
        rig.runJobs();
        rig.migrate(child(id).getId(), "FR1");
        // What an administrator's PUT /execution/{id}/localVariables/clusterName does: the run's own value stays,
        // but every step inside this pass of the subprocess would read the local one.
        String memberPass = rig.task(id, "userTask_approveNextMember").getExecutionId();
        assertThat(memberPass).as("the gate waits inside the subprocess, not on the run itself").isNotEqualTo(id);
        engine.getRuntimeService().setVariableLocal(memberPass, "clusterName", "OTHERCLUS");
        // The gate's own listener is the first delegate to read the run: the decision is refused, nothing moves.
        assertThatThrownBy(() -> rig.complete(id, "userTask_approveNextMember", Map.of("stageDecision", "continue",
                "stageComment", "FR2 next"))).hasMessageContaining("Run " + id + " was sealed with clusterName ="
                + " 'PAYCLUS', but the run now holds 'OTHERCLUS'; a sealed value cannot be changed, so the run will"
                + " not act.");
        assertThat(rig.task(id, "userTask_approveNextMember").getExecutionId()).isEqualTo(memberPass);
        assertThat(child(id)).as("no migration of FR2 started").isNull();
        assertThat(engine.getRuntimeService().getVariable(id, "clusterName")).isEqualTo("PAYCLUS");
        assertThat(suspensions()).containsExactly("SUSPEND QMGR CLUSTER(PAYCLUS) on FR1");
    }
}

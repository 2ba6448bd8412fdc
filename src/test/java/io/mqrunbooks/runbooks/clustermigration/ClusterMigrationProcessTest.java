package io.mqrunbooks.runbooks.clustermigration;

import io.mqrunbooks.application.port.out.mq.ObjectCommand;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import io.mqrunbooks.application.port.out.SshException;
import io.mqrunbooks.testsupport.DatabaseTest;
import io.mqrunbooks.testsupport.RunbookTestEngine;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DatabaseTest
@Deployment(resources = {"processes/clusterQueueManagerMigrationProcess.bpmn",
        "forms/clusterMigrationStart.form", "forms/clusterMigrationApprove.form",
        "forms/clusterMigrationAcknowledgeOutage.form", "forms/clusterMigrationBackup.form",
        "forms/clusterMigrationInstall.form", "forms/clusterMigrationReviewDifferences.form",
        "forms/clusterMigrationSignOff.form", "forms/clusterMigrationRestoreBackup.form"})
class ClusterMigrationProcessTest {

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

    private ProcessInstance instance(String id) {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(id).singleResult();
    }

    private String outcome(String id) {
        return (String) rig.variable(id, "outcome");
    }

    @Test
    void happyPathMigratesFollowingTheSeedsOrderAndEndsCompleted() {
        String id = rig.start("PR1");
        rig.runJobs();
        assertThat((String) rig.variable(id, "planSummary")).startsWith("Migrate PR1 on host pr1 to a new IBM MQ version.")
                .contains("  4. endmqm -w PR1, wait until dspmq shows it ended");
        // the gate shows dspmqver of the sealed scope's host and the sealed target against the bulletin table
        assertThat((String) rig.variable(id, "versionReport")).startsWith("""
                Host  Queue manager  Installed  Bulletins
                pr1   PR1            9.4.0.0    CVE-2026-1713, CVE-2026-10027
                Target version 9.4.1.0: CVE-2026-1713, CVE-2026-10027
                WARNING: the target version 9.4.1.0 is affected by CVE-2026-1713 (9.4.1.0–9.4.4.1 CD; fixed in \
                9.4.0.20, 9.4.5.0; https://nvd.nist.gov/vuln/detail/CVE-2026-1713), CVE-2026-10027 (9.4.1.0–9.4.5.1 CD;\
                 no fix listed; https://www.cve.org/CVERecord?id=CVE-2026-10027)
                WARNING: pr1 runs 9.4.0.0, affected by CVE-2026-1713 (9.4.0.0–9.4.0.17 LTS; fixed in 9.4.0.20""");
        rig.complete(id, "userTask_approveMigration", Map.of("decision", "approve"));
        // PR1 shares PAY.REQUEST with PR2: no acknowledgement asked
        assertThat(rig.variable(id, "soleHostedSummary")).isEqualTo("Every cluster queue PR1 hosts is also hosted"
                + " elsewhere (asked FR1): applications keep an alternate destination.");
        assertThat((String) rig.variable(id, "trafficSamples")).contains("PAY.REQUEST CURDEPTH(0), TO.PR1 from 127.0.0.1"
                + " STATUS(RUNNING) MSGS(4)").hasLineCount(3);
        assertThat((String) rig.variable(id, "recordBeforeSummary"))
                .contains("On PR1: DISPLAY CLUSQMGR(*) and DISPLAY QC(*)")
                .contains("On FR1: DISPLAY CLUSQMGR(PR1) and DISPLAY QC(*) WHERE(CLUSQMGR EQ PR1)")
                .contains("  CLUSQMGR(PR1) CLUSTER(PAYCLUS) QMTYPE(NORMAL) SUSPEND(YES) STATUS(RUNNING) VERSION(09040000)");
        assertThat(rig.variable(id, "versionBefore")).isEqualTo("9.4.0.0");
        rig.backupAndInstall(id, "pr1", "9.4.1.0");

        assertThat(rig.variable(id, "differenceCount")).isEqualTo(0);
        assertThat((String) rig.variable(id, "installedVersionBulletins")).startsWith("WARNING: the target version"
                + " 9.4.1.0 is affected by CVE-2026-1713 (9.4.1.0–9.4.4.1 CD; fixed in 9.4.0.20, 9.4.5.0;");
        assertThat((String) rig.variable(id, "differencesSummary")).startsWith("No differences")
                .contains("Expected changes (the new version):\n"
                        + "  on PR1: CLUSQMGR(PR1) CLUSTER(PAYCLUS) VERSION: 09040000 -> 09040100")
                .contains("Not compared (they change by themselves): ALTDATE, ALTTIME, CLUSDATE, CLUSTIME, STATUS");
        rig.complete(id, "userTask_reviewDifferences", Map.of("reviewDecision", "continue"));
        assertThat((String) rig.variable(id, "channelSummary")).isEqualTo(
                "CHSTATUS(TO.FR1) to FR1: RUNNING\nCHSTATUS(TO.FR2) to FR2: RUNNING");
        assertThat((String) rig.variable(id, "testSummary")).isEqualTo(
                "put on FR1 to MQRB.TEST.PR1, got on PR1\nput on PR1 to MQRB.TEST.FR1, got on FR1");
        rig.complete(id, "userTask_signOff", Map.of("signOffDecision", "continue"));

        assertThat(instance(id)).isNull();
        assertThat(outcome(id)).isEqualTo("completed: PR1 runs 9.4.1.0 and is resumed in its clusters");
        assertThat(rig.fake.journal).containsExactly(
                "DEFINE QLOCAL(MQRB.TEST.PR1) on PR1", "DEFINE QLOCAL(MQRB.TEST.FR1) on FR1",
                "SUSPEND QMGR CLUSTER(PAYCLUS) on PR1", "endmqm -w PR1", "strmqm PR1",
                "put MQRB.TEST.PR1 on FR1", "get MQRB.TEST.PR1 on PR1", "put MQRB.TEST.FR1 on PR1",
                "get MQRB.TEST.FR1 on FR1", "RESUME QMGR CLUSTER(PAYCLUS) on PR1");
        assertThat(rig.fake.suspended).doesNotContain("PR1");
        assertThat((String) rig.variable(id, "commandLog")).contains("SUSPEND QMGR CLUSTER(PAYCLUS) on PR1")
                .contains("endmqm -w PR1 on pr1: IBM MQ queue manager 'PR1' ended.")
                .contains("dspmqver on pr1: Version 9.4.1.0 (target 9.4.1.0 reached)")
                .contains("strmqm PR1 on pr1: STARTED IBM MQ queue manager 'PR1' started using V9.4.1.0.");
    }

    @Test
    void theStartMayShortenTheMonitoringPeriodForItsRunFromTheFormsChoices() {
        String quick = rig.start(Map.of("queueManager", "PR1", "targetVersion", "9.4.1.0", "reason", "MQ 9.4.1 upgrade",
                "monitoringPeriod", "PT1M"));
        rig.runJobs();
        assertThat(rig.variable(quick, "monitoringPeriod")).isEqualTo("PT1M");
        assertThat((String) rig.variable(quick, "planSummary")).contains("monitor for PT1M");
        // PR1 and PR2 share the full repository FR1: one run at a time, so the first is cancelled.
        engine.getRuntimeService().deleteProcessInstance(quick, "the test starts its next run");

        assertThatThrownBy(() -> rig.start(Map.of("queueManager", "PR2", "targetVersion", "9.4.1.0", "reason", "x",
                "monitoringPeriod", "PT2H"))).hasMessageContaining("'monitoringPeriod' (Monitoring period after the"
                + " resume (optional)) must be one of [PT10M, PT5M, PT1M], not 'PT2H'");
        String configured = rig.start("PR2");
        rig.runJobs();
        assertThat(rig.variable(configured, "monitoringPeriod")).as("the configured 30 minutes").isEqualTo("PT30M");
    }

    @Test
    void aVersionTableChangedAfterTheApprovalStopsTheNextStep() {
        String id = rig.start("PR2");
        rig.runJobs();
        String taskId = rig.task(id, "userTask_approveMigration").getId();
        engine.getIdentityService().setAuthentication(MigrationRig.CHANGE_MANAGER, MigrationRig.CHANGE_MANAGERS);
        try {
            engine.getTaskService().complete(taskId, Map.of("decision", "approve"));
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
        // No form or REST call can write it (read-only field; variable writes are for administrators); an
        // administrator's change after the approval is not what the change manager approved:
        engine.getRuntimeService().setVariable(id, "versionReport", "Host  Queue manager  Installed  Bulletins\n"
                + "pr2   PR2            9.4.0.26   none known");
        rig.runJobs();

        assertThat(engine.getManagementService().createJobQuery().processInstanceId(id).noRetriesLeft().singleResult()
                .getExceptionMessage()).contains("needs the approval of gate userTask_approveMigration");
        assertThat(rig.fake.journal).isEmpty();
    }

    @Test
    void gateRejectedEndsTheRunAsRejectedWithoutTouchingTheQueueManager() {
        String id = rig.start("PR1");
        rig.runJobs();
        rig.complete(id, "userTask_approveMigration", Map.of("decision", "reject", "approvalComment", "not in the freeze"));
        assertThat(outcome(id)).isEqualTo("rejected: not in the freeze");
        assertThat(rig.fake.journal).isEmpty();
    }

    @Test
    void theStarterCannotApproveTheGate() {
        String id = rig.start("PR1");
        rig.runJobs();
        String taskId = rig.task(id, "userTask_approveMigration").getId();
        engine.getIdentityService().setAuthentication(MigrationRig.STARTER, List.of("change-managers"));
        try {
            assertThatThrownBy(() -> engine.getTaskService().complete(taskId, Map.of("decision", "approve")))
                    .hasMessageContaining("Four-eyes rule: olivia started run");
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    @Test
    void theOperatorWhoInstalledCannotDecideTheReviewOfTheDifferences() {
        String id = rig.start("PR1");
        rig.approveAndAcknowledge(id);
        rig.backupAndInstall(id, "pr1", "9.4.1.0"); // completed by oscar, an operator
        String review = rig.task(id, "userTask_reviewDifferences").getId();
        assertThat(engine.getTaskService().getIdentityLinksForTask(review)).extracting(link -> link.getGroupId())
                .containsExactly("change-managers");

        // oscar is also a change manager, and forges the completion through the Java API (as REST would)
        engine.getIdentityService().setAuthentication(MigrationRig.OPERATOR, List.of("mq-operators", "change-managers"));
        try {
            assertThatThrownBy(() -> engine.getTaskService().complete(review, Map.of("reviewDecision", "continue")))
                    .hasMessage("Separation of duties: oscar completed 'Install the new IBM MQ version for PR1' in"
                            + " run CHG-PR1 and cannot decide its gate 'Review the differences after migrating PR1'."
                            + " Another change manager must complete it.");
            assertThatThrownBy(() -> engine.getTaskService().claim(review, MigrationRig.OPERATOR))
                    .hasMessageStartingWith("Separation of duties: oscar completed");
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
        assertThat(rig.task(id, "userTask_reviewDifferences").getId()).isEqualTo(review);
        assertThat(rig.fake.journal).doesNotContain("RESUME QMGR CLUSTER(PAYCLUS) on PR1");

        rig.complete(id, "userTask_reviewDifferences", Map.of("reviewDecision", "continue")); // chris
        assertThat(RunbookTestEngine.RECORDS.decisions(id)).extracting(d -> d.gateId() + " by " + d.decidedBy()
                + ": " + d.decision()).containsExactly("userTask_approveMigration by chris: approve",
                "userTask_installVersion by oscar: completed", "userTask_reviewDifferences by chris: continue");
    }

    @Test
    void soleHostedClusterQueueIsListedAndAcknowledged() {
        String id = rig.start("PR3");
        rig.runJobs();
        rig.complete(id, "userTask_approveMigration", Map.of("decision", "approve"));
        assertThat(rig.variable(id, "soleHostedSummary")).isEqualTo("PR3 is the only host of 1 cluster queue (asked FR1):\n"
                + "  PAY.AUDIT (cluster PAYCLUS)\n"
                + "While PR3 is stopped, messages for these queues wait on the senders' SYSTEM.CLUSTER.TRANSMIT.QUEUE and"
                + " their applications get no service (seed 002, \"Alternate destinations\"). Applications bound on open,"
                + " or naming PR3 on MQOPEN, have the same outage for every queue.");
        assertThat(rig.fake.journal).isEmpty();
        rig.complete(id, "userTask_acknowledgeOutage", Map.of("outageDecision", "acknowledge"));
        assertThat(rig.fake.journal).contains("SUSPEND QMGR CLUSTER(PAYCLUS) on PR3");
        rig.backupAndInstall(id, "pr3", "9.4.1.0");
        rig.complete(id, "userTask_reviewDifferences", Map.of("reviewDecision", "continue"));
        rig.complete(id, "userTask_signOff", Map.of("signOffDecision", "continue"));
        assertThat(outcome(id)).isEqualTo("completed: PR3 runs 9.4.1.0 and is resumed in its clusters");
    }

    @Test
    void soleHostedClusterQueueRefusedEndsTheRunAsRejected() {
        String id = rig.start("PR3");
        rig.runJobs();
        rig.complete(id, "userTask_approveMigration", Map.of("decision", "approve"));
        rig.complete(id, "userTask_acknowledgeOutage", Map.of("outageDecision", "refuse"));
        assertThat(outcome(id)).isEqualTo("rejected: the outage of PAY.AUDIT (cluster PAYCLUS) was not acknowledged");
        assertThat(rig.fake.journal).isEmpty();
    }

    @Test
    void unreachableFullRepositoryStopsTheRunWithTheReason() {
        rig.fake.running.put("FR2", false);
        String id = rig.start("PR1");
        rig.runJobs();
        rig.complete(id, "userTask_approveMigration", Map.of("decision", "approve"));
        assertThat(outcome(id)).isEqualTo(
                "aborted: full repository not reachable: FR2: AMQ8146E: IBM MQ queue manager not available.");
        assertThat(rig.fake.journal).isEmpty();
    }

    @Test
    void queueManagerNotInTheInventoryEndsAtOnce() {
        String id = rig.start("QMX");
        rig.runJobs();
        assertThat(outcome(id)).isEqualTo("aborted: queue manager QMX is not in the inventory");
        String notClustered = rig.start("QM1");
        rig.runJobs();
        assertThat(outcome(notClustered)).isEqualTo("aborted: queue manager QM1 is in no cluster of the inventory;"
                + " this runbook migrates cluster queue managers");
    }

    @Test
    void alreadySuspendedQueueManagerIsNotSuspendedAgain() {
        rig.fake.suspended.add("PR1");
        String id = rig.start("PR1");
        rig.approveAndAcknowledge(id);
        verify(rig.fake, never()).run(anyString(), eq(ObjectCommand.SUSPEND_CLUSTER), anyString());
        assertThat((String) rig.variable(id, "commandLog")).contains("SUSPEND QMGR CLUSTER(PAYCLUS) skipped:"
                + " DISPLAY CLUSQMGR(PR1) already shows SUSPEND(YES)");
    }

    @Test
    void aTargetVersionNotNewerThanTheInstalledOneIsRefusedBeforeTheGateAndBeforeAnyChange() {
        for (String notNewer : List.of("9.4.0.0", "9.3.5.0")) {
            String id = rig.start("PR1", notNewer);
            rig.runJobs();
            assertThat(outcome(id)).isEqualTo("aborted: the target version " + notNewer + " is not newer than the"
                    + " version PR1 runs on pr1, 9.4.0.0 (dspmqver): a migration must move to a newer version. Nothing"
                    + " was changed; start the run again with a newer target version.");
            assertThat(engine.getTaskService().createTaskQuery().processInstanceId(id).count()).as("no gate").isZero();
        }
        assertThat(rig.fake.journal).isEmpty();
        verify(rig.fake, never()).end(anyString(), anyString(), org.mockito.ArgumentMatchers.any(),
                org.mockito.ArgumentMatchers.anyBoolean());
    }

    @Test
    void theTargetGivenAtTheStartIsWhatTheGateApprovesAndTheInstallTaskShows() {
        String id = rig.start("PR1");
        rig.runJobs();
        Task gate = rig.task(id, "userTask_approveMigration");
        assertThat(engine.getTaskService().getVariable(gate.getId(), "targetVersion")).isEqualTo("9.4.1.0");
        rig.complete(id, "userTask_approveMigration", Map.of("decision", "approve"));
        rig.complete(id, "userTask_takeBackup", Map.of("backupLocation", "/backup/pr1"));
        rig.fake.installVersion("pr1", "9.4.1.0");
        // the target is sealed with the run: the install task cannot change it (the form shows it read-only)
        assertThatThrownBy(() -> rig.complete(id, "userTask_installVersion", Map.of("targetVersion", "9.9.9.9",
                "installDecision", "continue"))).hasMessageContaining("was sealed with targetVersion = '9.4.1.0', but"
                + " the run now holds '9.9.9.9'");
        rig.complete(id, "userTask_installVersion", Map.of("installDecision", "continue"));
        assertThat(rig.variable(id, "targetVersion")).isEqualTo("9.4.1.0");
        assertThat((String) rig.variable(id, "commandLog")).contains("dspmqver on pr1: Version 9.4.1.0 (target 9.4.1.0"
                + " reached)");
    }

    @Test
    void versionBelowTheTargetBringsTheInstallTaskBackWithTheReason() {
        String id = rig.start("PR1");
        rig.approveAndAcknowledge(id);
        rig.complete(id, "userTask_takeBackup", Map.of("backupLocation", "/backup/pr1"));
        rig.complete(id, "userTask_installVersion", Map.of("targetVersion", "9.4.1.0", "installDecision", "continue"));
        Task back = rig.task(id, "userTask_installVersion");
        assertThat(engine.getTaskService().getVariable(back.getId(), "installDecision")).as("decision shown").isNull();
        assertThat(rig.variable(id, "versionProblem")).isEqualTo("dspmqver on pr1 shows version 9.4.0.0, below the"
                + " target 9.4.1.0: the new version is not installed yet.");
        verify(rig.fake, never()).start(anyString(), anyString());
    }

    @Test
    void verificationDifferencesLeadToABackoutAtTheOldVersion() {
        rig.fake.forgetAfterRestart.add("FR2 PAY.ROUTING");
        String id = rig.start("PR3");
        rig.approveAndAcknowledge(id);
        rig.backupAndInstall(id, "pr3", "9.4.1.0");
        assertThat(rig.variable(id, "differenceCount")).isEqualTo(1);
        assertThat((String) rig.variable(id, "differencesSummary")).startsWith("1 difference:\n"
                + "  on FR2: QCLUSTER(PAY.ROUTING) CLUSQMGR(PR3) CLUSTER(PAYCLUS) (object): present -> (absent)\n");

        assertThatThrownBy(() -> rig.complete(id, "userTask_reviewDifferences", Map.of("reviewDecision", "backout")))
                .hasMessage("ENGINE-03051 There was an exception while invoking the TaskListener. Message: 'Exception while"
                        + " invoking TaskListener: 'Review the differences after migrating PR3': a decision to back out needs a reason in"
                        + " 'Why back out'.'");
        rig.complete(id, "userTask_reviewDifferences", Map.of("reviewDecision", "backout",
                "backoutReason", "FR2 no longer knows PAY.ROUTING on PR3"));
        assertThat(rig.task(id, "userTask_restoreBackup")).isNotNull();
        assertThat(rig.fake.running.get("PR3")).isFalse();

        rig.fake.installVersion("pr3", "9.4.0.0");
        rig.fake.forgetAfterRestart.clear();
        rig.complete(id, "userTask_restoreBackup", Map.of("backupRestored", true));
        assertThat(outcome(id)).isEqualTo("backed out: FR2 no longer knows PAY.ROUTING on PR3");
        assertThat((String) rig.variable(id, "backoutDifferencesSummary")).startsWith("No differences");
        assertThat(rig.fake.journal).containsSubsequence("SUSPEND QMGR CLUSTER(PAYCLUS) on PR3", "endmqm -w PR3",
                "strmqm PR3", "endmqm -w PR3", "strmqm PR3", "RESUME QMGR CLUSTER(PAYCLUS) on PR3");
        assertThat(rig.fake.startedVersion.get("PR3")).isEqualTo("9.4.0.0");
        verify(rig.fake, never()).putTestMessage(anyString(), anyString(), anyString(), anyString());
    }

    @Test
    void restoredVersionMustBeTheOldOne() {
        String id = rig.start("PR1");
        rig.approveAndAcknowledge(id);
        rig.complete(id, "userTask_takeBackup", Map.of("backupLocation", "/backup/pr1"));
        rig.complete(id, "userTask_installVersion", Map.of("targetVersion", "9.4.1.0", "installDecision", "backout",
                "backoutReason", "installer failed"));
        rig.fake.installVersion("pr1", "9.4.1.0");
        rig.complete(id, "userTask_restoreBackup", Map.of("backupRestored", true));
        assertThat(rig.variable(id, "restoreProblem")).isEqualTo("dspmqver on pr1 shows version 9.4.1.0, not the old"
                + " version 9.4.0.0: reinstall 9.4.0.0 and restore the backup.");
        rig.fake.installVersion("pr1", "9.4.0.0");
        rig.complete(id, "userTask_restoreBackup", Map.of("backupRestored", true));
        assertThat(outcome(id)).isEqualTo("backed out: installer failed");
        assertThat(rig.fake.suspended).doesNotContain("PR1");
    }

    @Test
    void lostTestMessageIsAFailedVerificationThatLeadsToTheBackout() {
        rig.fake.dropTestMessages = true;
        String id = rig.start("PR1");
        rig.approveAndAcknowledge(id);
        rig.backupAndInstall(id, "pr1", "9.4.1.0");
        rig.complete(id, "userTask_reviewDifferences", Map.of("reviewDecision", "continue"));
        assertThat(rig.task(id, "userTask_restoreBackup")).isNotNull();
        assertThat(rig.variable(id, "backoutReason")).isEqualTo("test message not delivered: put on FR1 to"
                + " MQRB.TEST.PR1, nothing arrived on PR1 within 1 s; put on PR1 to MQRB.TEST.FR1, nothing arrived on FR1"
                + " within 1 s");
        verify(rig.fake, never()).run(anyString(), eq(ObjectCommand.RESUME_CLUSTER), anyString());
    }

    @Test
    void refusedStartAtTheNewVersionLeadsToTheBackout() {
        rig.fake.refuseStart = true;
        String id = rig.start("PR1");
        rig.approveAndAcknowledge(id);
        rig.backupAndInstall(id, "pr1", "9.4.1.0");
        assertThat(rig.variable(id, "backoutReason")).isEqualTo("the queue manager did not start at the new version:"
                + " strmqm PR1 on pr1: REFUSED AMQ7017E: Log not available.");
        assertThat(rig.task(id, "userTask_restoreBackup")).isNotNull();
    }

    @Test
    void sshFailureBecomesAnIncidentAndTheRetrySucceedsOnceTheFaultIsCleared() {
        SshException dropped = new SshException(SshException.Kind.SESSION_DROPPED, "pr1",
                "SSH session to pr1 (mqm@127.0.0.1:22111) dropped while running dspmq -m PR1 -o status -n");
        doThrow(dropped).doThrow(dropped).doThrow(dropped).doCallRealMethod().when(rig.fake).status(eq("pr1"), eq("PR1"));
        String id = rig.start("PR1");
        rig.approveAndAcknowledge(id);

        Incident incident = engine.getRuntimeService().createIncidentQuery().processInstanceId(id).singleResult();
        assertThat(incident.getActivityId()).isEqualTo("serviceTask_endQueueManager");
        assertThat(incident.getIncidentMessage()).isEqualTo(
                "SSH session to pr1 (mqm@127.0.0.1:22111) dropped while running dspmq -m PR1 -o status -n");
        verify(rig.fake, never()).end(anyString(), anyString(), org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.anyBoolean());

        Job job = engine.getManagementService().createJobQuery().processInstanceId(id).singleResult();
        engine.getManagementService().setJobRetries(job.getId(), 1);
        rig.runJobs();
        assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(id).count()).isZero();
        assertThat(rig.task(id, "userTask_takeBackup")).isNotNull();
        assertThat(rig.fake.journal).containsOnlyOnce("endmqm -w PR1");
        doCallRealMethod().when(rig.fake).status(anyString(), anyString());
    }

    // ------------------------------------------------------------------ waits and late backouts

    private List<String> passedThrough(String id, String activityId) {
        return engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(id)
                .activityId(activityId).list().stream().map(HistoricActivityInstance::getActivityId).toList();
    }

    @Test
    void aQueueManagerStillQuiescingIsCheckedAgainAfterThePollIntervalBeforeTheBackupIsAskedFor() {
        rig.fake.endingReads = 1;
        String id = rig.start("PR1");
        rig.approveAndAcknowledge(id);

        assertThat(rig.task(id, "userTask_takeBackup")).isNotNull();
        assertThat(passedThrough(id, "timerEvent_endWait")).hasSize(1);
        assertThat(rig.variable(id, "statusPollCount")).isEqualTo(2);
        assertThat(rig.variable(id, "queueManagerStatus")).isEqualTo("Ended normally");
        assertThat((String) rig.variable(id, "commandLog")).contains("dspmq -m PR1: Ended normally");
    }

    @Test
    void clusterSendersStillRetryingAreCheckedAgainUntilTheyRun() {
        String id = rig.start("PR1");
        rig.approveAndAcknowledge(id);
        rig.fake.retryingChannelReads = 2;
        rig.backupAndInstall(id, "pr1", "9.4.1.0");
        rig.complete(id, "userTask_reviewDifferences", Map.of("reviewDecision", "continue"));

        assertThat(passedThrough(id, "timerEvent_channelWait")).hasSize(1);
        assertThat(rig.variable(id, "channelPollCount")).isEqualTo(2);
        assertThat((String) rig.variable(id, "channelSummary")).isEqualTo(
                "CHSTATUS(TO.FR1) to FR1: RUNNING\nCHSTATUS(TO.FR2) to FR2: RUNNING");
        assertThat(rig.task(id, "userTask_signOff")).isNotNull();
    }

    @Test
    void clusterSendersThatNeverRunBackTheMigrationOutAndTheBackoutWaitsForTheEnd() {
        String id = rig.start("PR1");
        rig.approveAndAcknowledge(id);
        rig.fake.retryingChannelReads = 1_000;
        rig.backupAndInstall(id, "pr1", "9.4.1.0");
        rig.fake.endingReads = 1;
        rig.complete(id, "userTask_reviewDifferences", Map.of("reviewDecision", "continue"));

        assertThat(rig.variable(id, "backoutReason")).isEqualTo("cluster channels to the full repositories not running"
                + " after 3 checks: CHSTATUS(TO.FR1) to FR1: RETRYING;CHSTATUS(TO.FR2) to FR2: RETRYING");
        assertThat(passedThrough(id, "timerEvent_backoutEndWait")).hasSize(1);
        assertThat(rig.task(id, "userTask_restoreBackup")).isNotNull();
        verify(rig.fake, never()).putTestMessage(anyString(), anyString(), anyString(), anyString());
        verify(rig.fake, never()).run(anyString(), eq(ObjectCommand.RESUME_CLUSTER), anyString());

        rig.fake.installVersion("pr1", "9.4.0.0");
        rig.complete(id, "userTask_restoreBackup", Map.of("backupRestored", true));
        assertThat(rig.variable(id, "outcome")).isEqualTo("backed out: cluster channels to the full repositories not"
                + " running after 3 checks: CHSTATUS(TO.FR1) to FR1: RETRYING;CHSTATUS(TO.FR2) to FR2: RETRYING");
        assertThat(rig.fake.suspended).doesNotContain("PR1");
    }

    @Test
    void aBackoutAtTheSignOffStopsTheNewVersionAndRestoresTheOldOne() {
        String id = rig.start("PR1");
        rig.approveAndAcknowledge(id);
        rig.backupAndInstall(id, "pr1", "9.4.1.0");
        rig.complete(id, "userTask_reviewDifferences", Map.of("reviewDecision", "continue"));
        rig.complete(id, "userTask_signOff", Map.of("signOffDecision", "backout",
                "backoutReason", "payments slower since the restart"));

        assertThat(rig.task(id, "userTask_restoreBackup")).isNotNull();
        assertThat(rig.fake.running.get("PR1")).isFalse();
        rig.fake.installVersion("pr1", "9.4.0.0");
        rig.complete(id, "userTask_restoreBackup", Map.of("backupRestored", true));

        assertThat(rig.variable(id, "outcome")).isEqualTo("backed out: payments slower since the restart");
        assertThat(rig.fake.startedVersion.get("PR1")).isEqualTo("9.4.0.0");
        // it was resumed before the sign-off, and a restart keeps it resumed: no second RESUME
        assertThat(rig.fake.journal).endsWith("RESUME QMGR CLUSTER(PAYCLUS) on PR1", "endmqm -w PR1", "strmqm PR1");
        assertThat(rig.fake.suspended).doesNotContain("PR1");
    }
}

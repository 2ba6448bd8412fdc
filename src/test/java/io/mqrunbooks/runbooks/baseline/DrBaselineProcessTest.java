package io.mqrunbooks.runbooks.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.mqrunbooks.application.baseline.BackupLevelRecord;
import io.mqrunbooks.application.baseline.Baseline;
import io.mqrunbooks.mq.QmStatus;
import io.mqrunbooks.application.port.out.mq.MqAdminException;
import io.mqrunbooks.application.port.out.mq.MqscScriptResult;
import io.mqrunbooks.platform.security.Groups;
import io.mqrunbooks.testsupport.DatabaseTest;
import io.mqrunbooks.testsupport.RunbookTestEngine;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
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

/** Every path of drBaselineProcess on the engine, MQ ports mocked, baselines in a real (H2) store. */
@DatabaseTest
@Deployment(resources = {"processes/drBaselineProcess.bpmn", "processes/drBaselineNightlyProcess.bpmn",
        "forms/drBaselineStart.form", "forms/drBaselineReviewLag.form", "forms/drBaselineApproveLevel.form"})
class DrBaselineProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = RunbookTestEngine.extension();

    private BaselineTestBed bed;
    private RuntimeService runtime;
    private TaskService tasks;
    private ManagementService management;
    private IdentityService identity;
    private HistoryService history;

    private final String monday = Fixtures.read(Fixtures.MONDAY);
    private final String wednesday = Fixtures.read(Fixtures.WEDNESDAY_SAME);
    private final String friday = Fixtures.read(Fixtures.FRIDAY_CHANGED);

    @BeforeEach
    void setUp() {
        bed = new BaselineTestBed("dr-baseline-engine");
        bed.registerBeans();
        runtime = engine.getRuntimeService();
        tasks = engine.getTaskService();
        management = engine.getManagementService();
        identity = engine.getIdentityService();
        history = engine.getHistoryService();
    }

    @AfterEach
    void tearDown() {
        identity.clearAuthentication();
        Mocks.reset();
    }

    private ProcessInstance start(String queueManagers) {
        identity.setAuthentication("olivia", List.of(Groups.OPERATORS));
        try {
            return runtime.startProcessInstanceByKey("drBaselineProcess", "BL-1",
                    Map.of("queueManagers", queueManagers, "reason", "payment channel added on Friday"));
        } finally {
            identity.clearAuthentication();
        }
    }

    /** Runs the run's due jobs until it waits at a user task, ends, or a job fails. */
    private void drive(ProcessInstance run) {
        while (true) {
            List<Job> due = management.createJobQuery().processInstanceId(run.getId()).executable().list();
            if (due.isEmpty()) {
                return;
            }
            management.executeJob(due.get(0).getId());
        }
    }

    private Object variable(ProcessInstance run, String name) {
        return history.createHistoricVariableInstanceQuery().processInstanceId(run.getId()).variableName(name)
                .singleResult().getValue();
    }

    private void complete(Task task, String user, String decision, String comment) {
        identity.setAuthentication(user, List.of(Groups.CHANGE_MANAGERS));
        try {
            tasks.complete(task.getId(), Map.of("decision", decision, "levellingComment", comment));
        } finally {
            identity.clearAuthentication();
        }
    }

    /** The operator's review of the lag: olivia, who started the run, may do it (it is not a gate). */
    private Task review(ProcessInstance run, String levelling, String comment) {
        Task review = tasks.createTaskQuery().processInstanceId(run.getId()).singleResult();
        assertThat(review.getName()).isEqualTo("Review the lag of " + tasks.getVariable(review.getId(), "queueManager")
                + "'s backup");
        identity.setAuthentication("olivia", List.of(Groups.OPERATORS));
        try {
            tasks.complete(review.getId(), Map.of("levelling", levelling, "reviewComment", comment));
        } finally {
            identity.clearAuthentication();
        }
        return tasks.createTaskQuery().processInstanceId(run.getId()).singleResult();
    }

    private boolean ended(ProcessInstance run) {
        return history.createHistoricProcessInstanceQuery().processInstanceId(run.getId()).singleResult()
                .getEndTime() != null;
    }

    @Test
    void noChangeOnThePrimaryAndTheStoppedBackupRecordedLevel() {
        when(bed.admin.exportDefinitions("QM2")).thenReturn(monday, wednesday);
        Baseline first = bed.service.capture("QM2", "earlier-run").baseline();
        bed.store.recordBackupLevel("QM2", "QM2_DR", "mqwest2", first.id(),
                BackupLevelRecord.State.TO_APPLY_AT_ACTIVATION, Instant.parse("2026-11-16T02:05:00Z"), "carl", "earlier-run");
        bed.status("mqwest2", "QM2_DR", QmStatus.ENDED_NORMALLY);

        ProcessInstance run = start("QM2");
        drive(run);

        assertThat(ended(run)).isTrue();
        assertThat(variable(run, "outcome")).isEqualTo("completed");
        assertThat(variable(run, "runSummary")).isEqualTo("QM2 -> QM2_DR: backup level with the primary's baseline\n");
        assertThat((String) variable(run, "changeSummary")).startsWith("QM2: unchanged since baseline #" + first.id()
                + " of QM2 (").endsWith("; checked, nothing new stored.");
        assertThat(bed.store.list(Optional.of("QM2"))).hasSize(1);
        assertThat(bed.store.checkCount("QM2")).isEqualTo(2);
        verify(bed.admin, never()).applyDefinitions(anyString(), anyString());
        assertThat(tasks.createTaskQuery().count()).isZero();
    }

    @Test
    void aChangeOnThePrimaryIsVersionedAndARunningBackupWithItIsLevel() {
        when(bed.admin.exportDefinitions("QM2")).thenReturn(monday, friday);
        Baseline first = bed.service.capture("QM2", "earlier-run").baseline();
        bed.status("mqwest2", "QM2_DR", QmStatus.RUNNING);
        when(bed.admin.exportDefinitions("QM2_DR")).thenReturn(friday);

        ProcessInstance run = start("QM2");
        drive(run);

        assertThat(variable(run, "outcome")).isEqualTo("completed");
        assertThat((String) variable(run, "changeSummary")).contains("; since #" + first.id()
                + ": 2 added, 1 removed, 1 changed\n+ QLOCAL('QM2.TO.CARDS.XMIT')\n+ CHANNEL('QM2.TO.CARDS')\n"
                + "- QLOCAL('PAYMENT.BACKOUT')\n~ QLOCAL('PAYMENT.IN')\n    BOQNAME: 'PAYMENT.BACKOUT' -> (not set)\n"
                + "    MAXDEPTH: 500000 -> 900000\n");
        assertThat(bed.store.list(Optional.of("QM2"))).extracting(Baseline::objectCount).containsExactly(11, 10);
        assertThat(variable(run, "runSummary")).isEqualTo("QM2 -> QM2_DR: backup level with the primary's baseline\n");
        verify(bed.admin, never()).applyDefinitions(anyString(), anyString());
    }

    @Test
    void aLaggingRunningBackupIsLevelledAfterApprovalAndVerified() {
        when(bed.admin.exportDefinitions("QM2")).thenReturn(friday);
        bed.status("mqwest2", "QM2_DR", QmStatus.RUNNING);
        // compare, level (re-checks state first), verify: the last export shows the applied definitions
        when(bed.admin.exportDefinitions("QM2_DR")).thenReturn(monday, monday, friday);
        when(bed.admin.applyDefinitions("QM2_DR", EXPECTED_APPLIED_MQSC))
                .thenReturn(new MqscScriptResult(3, 0, "AMQ8006I: IBM MQ queue created.\n"));

        ProcessInstance run = start("QM2");
        drive(run);

        Task reviewTask = tasks.createTaskQuery().processInstanceId(run.getId()).singleResult();
        assertThat(reviewTask.getTaskDefinitionKey()).isEqualTo("userTask_reviewLag");
        assertThat(tasks.getVariable(reviewTask.getId(), "levelScript")).isEqualTo(EXPECTED_LEVEL_SCRIPT);
        Task gate = review(run, "request", "new card channel must be on the DR side");
        assertThat(gate.getName()).isEqualTo("Approve levelling the backup of " + tasks.getVariable(gate.getId(), "queueManager"));
        Map<String, Object> shown = tasks.getVariables(gate.getId());
        assertThat(shown.get("levelScript")).isEqualTo(EXPECTED_LEVEL_SCRIPT);
        assertThat((String) shown.get("levelSummary"))
                .contains("Backup QM2_DR on mqwest2 (warm): exported from QM2_DR on mqwest2 (running, distinct DR name)\n"
                        + "Differences, backup -> primary: 2 added, 1 removed, 1 changed\n")
                .contains("On approval the MQSC below is applied to the running backup and verified by a fresh export.\n")
                .contains("Not applied automatically:\n  QLOCAL('PAYMENT.BACKOUT') exists only on the backup: not deleted "
                        + "automatically (deleting it cannot be undone and may lose messages; delete it by hand if it is not wanted)\n");

        identity.setAuthentication("olivia", List.of(Groups.OPERATORS, Groups.CHANGE_MANAGERS));
        assertThatThrownBy(() -> tasks.complete(gate.getId(), Map.of("decision", "approve", "levellingComment", "mine")))
                .isInstanceOf(AuthorizationException.class).hasMessageContaining("Four-eyes rule: olivia started run");
        identity.clearAuthentication();

        complete(gate, "carl", "approve", "CHG-1187 payment channel");
        // Who approved is the server's record of the gate: a variable written after it (an administrator's
        // REST call on the levelling step's execution) changes neither the evidence nor the summary.
        Job levelStep = management.createJobQuery().processInstanceId(run.getId()).singleResult();
        runtime.setVariable(levelStep.getExecutionId(), "levelApprovedBy", "mallory");
        drive(run);

        verify(bed.admin).applyDefinitions("QM2_DR", EXPECTED_APPLIED_MQSC);
        assertThat(ended(run)).isTrue();
        assertThat(variable(run, "outcome")).isEqualTo("completed");
        assertThat(variable(run, "runSummary")).isEqualTo(
                "QM2 -> QM2_DR: backup levelled, approved by carl: applied and verified by a fresh export\n");
        assertThat((String) variable(run, "verifySummary")).startsWith(
                "QM2_DR on mqwest2 verified by a fresh export: level with baseline #");
        BackupLevelRecord record = bed.store.latestBackupLevel("QM2").orElseThrow();
        assertThat(record.state()).isEqualTo(BackupLevelRecord.State.APPLIED);
        assertThat(record.approvedBy()).isEqualTo("carl");
    }

    @Test
    void theGateShowsAServiceCommandFlaggedAndNoPasswordWhileTheApprovedMqscKeepsIt() {
        String primary = monday + """
                DEFINE SERVICE('BACKUP.AGENT') SERVTYPE(COMMAND) STARTCMD('/bin/sh') REPLACE
                DEFINE CHANNEL('QM2.TO.HOST') CHLTYPE(SDR) CONNAME('host(1414)') XMITQ('HOST') PASSWORD('pa)ss''x') REPLACE
                """;
        when(bed.admin.exportDefinitions("QM2")).thenReturn(primary);
        bed.status("mqwest2", "QM2_DR", QmStatus.RUNNING);
        when(bed.admin.exportDefinitions("QM2_DR")).thenReturn(monday, monday, primary);
        when(bed.admin.applyDefinitions(eq("QM2_DR"), anyString())).thenReturn(new MqscScriptResult(2, 0, ""));

        ProcessInstance run = start("QM2");
        drive(run);
        Task gate = review(run, "request", "agent and host channel wanted on the DR side");
        Map<String, Object> shown = tasks.getVariables(gate.getId());

        assertThat((String) shown.get("levelSummary")).contains("approve only if each is intended:\n  Flagged: "
                + "SERVICE('BACKUP.AGENT') runs an operating system command as mqm: STARTCMD('/bin/sh'), as in baseline #");
        assertThat((String) shown.get("levelScript")).contains("PASSWORD([REDACTED])", "STARTCMD('/bin/sh')")
                .doesNotContain("pa)ss").doesNotContain("x')");
        complete(gate, "carl", "approve", "CHG-1190");
        drive(run);
        // redaction is for people: the backup gets the primary's password as approved
        verify(bed.admin).applyDefinitions(eq("QM2_DR"), contains("PASSWORD('pa)ss''x')"));
        assertThat(variable(run, "outcome")).isEqualTo("completed");
    }

    @Test
    void aRejectedGateLeavesTheBackupAsItIsAndTheRunSaysSo() {
        when(bed.admin.exportDefinitions("QM2")).thenReturn(friday);
        bed.status("mqwest2", "QM2_DR", QmStatus.RUNNING);
        when(bed.admin.exportDefinitions("QM2_DR")).thenReturn(monday);

        ProcessInstance run = start("QM2");
        drive(run);
        complete(review(run, "request", ""), "carl", "reject", "wait for the partner's firewall change");
        drive(run);

        assertThat(variable(run, "outcome")).isEqualTo("completed; backups still lag: QM2");
        assertThat(variable(run, "runSummary")).isEqualTo(
                "QM2 -> QM2_DR: backup lags; levelling rejected by carl (wait for the partner's firewall change)\n");
        verify(bed.admin, never()).applyDefinitions(anyString(), anyString());
        assertThat(bed.store.latestBackupLevel("QM2")).isEmpty();
    }

    @Test
    void anOperatorMayLeaveALaggingBackupAsItIsWithoutAGate() {
        when(bed.admin.exportDefinitions("QM2")).thenReturn(friday);
        bed.status("mqwest2", "QM2_DR", QmStatus.RUNNING);
        when(bed.admin.exportDefinitions("QM2_DR")).thenReturn(monday);

        ProcessInstance run = start("QM2");
        drive(run);
        assertThat(review(run, "leave", "channel not live until Monday")).isNull();
        drive(run);

        assertThat(ended(run)).isTrue();
        assertThat(variable(run, "outcome")).isEqualTo("completed; backups still lag: QM2");
        assertThat(variable(run, "runSummary")).isEqualTo(
                "QM2 -> QM2_DR: backup lags; left as it is by olivia (channel not live until Monday)\n");
        verify(bed.admin, never()).applyDefinitions(anyString(), anyString());
    }

    @Test
    void aStoppedSameNameBackupIsNeverStartedTheBaselineIsRecordedForActivation() {
        when(bed.admin.exportDefinitions("QM1")).thenReturn(monday);
        bed.status("mqwest1", "QM1", QmStatus.ENDED_NORMALLY);

        ProcessInstance run = start("QM1");
        drive(run);
        Task gate = review(run, "request", "");
        assertThat((String) tasks.getVariable(gate.getId(), "levelSummary")).contains(
                "Backup QM1 on mqwest1 (warm): QM1 on mqwest1 is not running and cannot be asked; no baseline has been "
                        + "recorded for it yet, so its definitions are unknown and the whole primary baseline is proposed\n")
                .contains("On approval this baseline is recorded to be applied when the backup is activated; the backup "
                        + "is not started now.\n");
        complete(gate, "carl", "approve", "first baseline for the DR site");
        drive(run);

        assertThat(variable(run, "runSummary")).isEqualTo(
                "QM1 -> QM1: backup levelled, approved by carl: recorded to be applied at activation\n");
        verify(bed.admin, never()).applyDefinitions(anyString(), anyString());
        verify(bed.admin, never()).exportDefinitions("QM1_DR");
        verify(bed.control, never()).start(anyString(), anyString());
        assertThat(bed.store.latestBackupLevel("QM1")
                .filter(r -> r.state() == BackupLevelRecord.State.TO_APPLY_AT_ACTIVATION)
                .flatMap(r -> bed.store.find(r.baselineId()))).map(Baseline::sha256)
                .contains(bed.store.latest("QM1").orElseThrow().sha256());

        // the next run compares with the recorded baseline: clean
        ProcessInstance next = start("QM1");
        drive(next);
        assertThat(variable(next, "runSummary")).isEqualTo("QM1 -> QM1: backup level with the primary's baseline\n");
    }

    @Test
    void anExportFailureBecomesAnIncidentWithMqsMessage() {
        when(bed.admin.exportDefinitions("QM2")).thenThrow(new MqAdminException(
                MqAdminException.Reason.QUEUE_MANAGER_NOT_AVAILABLE, "QM2", "AMQ8146E: IBM MQ queue manager not available."));

        ProcessInstance run = start("QM2");
        management.executeJob(management.createJobQuery().processInstanceId(run.getId()).singleResult().getId());
        for (int attempt = 0; attempt < 3; attempt++) {
            Job job = management.createJobQuery().processInstanceId(run.getId()).singleResult();
            assertThatThrownBy(() -> management.executeJob(job.getId())).hasMessage(
                    "AMQ8146E: IBM MQ queue manager not available.");
        }
        Incident incident = runtime.createIncidentQuery().processInstanceId(run.getId()).singleResult();
        assertThat(incident.getActivityId()).isEqualTo("serviceTask_exportPrimary");
        assertThat(incident.getIncidentMessage()).isEqualTo("AMQ8146E: IBM MQ queue manager not available.");
        assertThat(bed.store.checkCount("QM2")).isZero();
    }

    @Test
    void anUnknownQueueManagerEndsTheRunAtOnce() {
        ProcessInstance run = start("QM2, QM9");
        drive(run);

        assertThat(ended(run)).isTrue();
        assertThat(variable(run, "outcome")).isEqualTo(
                "aborted: Unknown queue manager 'QM9'; queue managers with a backup: QMDR, QM1, QM2, QM3");
        ProcessInstance noBackup = start("FR1");
        drive(noBackup);
        assertThat(variable(noBackup, "outcome")).isEqualTo(
                "aborted: FR1 has no backup in the inventory; queue managers with a backup: QMDR, QM1, QM2, QM3");
    }

    @Test
    void theNightlyTimerStartsARunOverEveryPrimaryWithABackup() {
        Job timer = management.createJobQuery().timers().activityId("startEvent_nightly").singleResult();
        LocalDateTime due = LocalDateTime.ofInstant(timer.getDuedate().toInstant(), ZoneId.systemDefault());
        assertThat(due.getHour()).isEqualTo(2);
        assertThat(due.getMinute()).isZero();
        assertThat(due).isAfter(LocalDateTime.now()).isBefore(LocalDateTime.now().plusDays(1).plusMinutes(1));

        when(bed.admin.exportDefinitions(anyString())).thenReturn(monday);
        bed.status("mqwest1", "QM1", QmStatus.ENDED_NORMALLY);
        bed.status("mqwest2", "QM2_DR", QmStatus.ENDED_NORMALLY);
        bed.status("mqwest3", "QM3", QmStatus.ENDED_NORMALLY);
        management.executeJob(timer.getId());
        ProcessInstance nightly = runtime.createProcessInstanceQuery().processDefinitionKey("drBaselineNightlyProcess")
                .singleResult();
        // The call is asynchronous: the timer's job commits the nightly run, a job of its own starts the baseline.
        management.executeJob(management.createJobQuery().processInstanceId(nightly.getId()).singleResult().getId());
        ProcessInstance run = runtime.createProcessInstanceQuery().processDefinitionKey("drBaselineProcess").singleResult();
        assertThat(runtime.getVariable(run.getId(), "queueManagers")).isEqualTo("all");
        drive(run);

        assertThat(variable(run, "runSummary")).isEqualTo(
                "QMDR -> QMDR: hot backup, objects replicated with its data (not compared)\n");
        assertThat(tasks.createTaskQuery().processInstanceId(run.getId()).singleResult().getName())
                .isEqualTo("Review the lag of QM1's backup");
        assertThat(runtime.getVariable(tasks.createTaskQuery().singleResult().getExecutionId(), "queueManager"))
                .isEqualTo("QM1");
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(run.getId())
                .variableName("initiator").count()).isZero();

        // The operator on duty leaves each lagging backup for the day shift; the nightly run then ends.
        for (Task lag = tasks.createTaskQuery().processInstanceId(run.getId()).singleResult(); lag != null;
                lag = tasks.createTaskQuery().processInstanceId(run.getId()).singleResult()) {
            review(run, "leave", "for the day shift");
            drive(run);
        }
        assertThat(ended(run)).isTrue();
        assertThat(variable(run, "outcome")).isEqualTo("completed; backups still lag: QM1, QM2, QM3");
        assertThat(ended(nightly)).isTrue();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(nightly.getId())
                .activityId("endEvent_nightlyDone").count()).isEqualTo(1);
    }

    static final String EXPECTED_LEVEL_SCRIPT = """
            * QLOCAL('QM2.TO.CARDS.XMIT') is missing on the backup
            DEFINE QLOCAL('QM2.TO.CARDS.XMIT') +
               DEFPSIST(YES) +
               USAGE(XMITQ) +
               REPLACE
            * CHANNEL('QM2.TO.CARDS') is missing on the backup
            DEFINE CHANNEL('QM2.TO.CARDS') +
               CHLTYPE(SDR) +
               CONNAME('cards-gw.example(1414),cards-gw2.example(1414)') +
               DESCR('New payment channel to the card processor') +
               TRPTYPE(TCP) +
               XMITQ('QM2.TO.CARDS.XMIT') +
               REPLACE
            * QLOCAL('PAYMENT.IN') differs on the backup: BOQNAME, MAXDEPTH
            DEFINE QLOCAL('PAYMENT.IN') +
               BOTHRESH(5) +
               DEFPSIST(YES) +
               DESCR('Payments in (from the bank, see runbook 7)') +
               GET(ENABLED) +
               HARDENBO +
               MAXDEPTH(900000) +
               MAXMSGL(4194304) +
               PUT(ENABLED) +
               SHARE +
               NOTRIGGER +
               USAGE(NORMAL) +
               REPLACE
            """;
    /** What reaches runmqsc: the reviewed script's DEFINE commands, rendered from the baseline's objects. */
    static final String EXPECTED_APPLIED_MQSC = EXPECTED_LEVEL_SCRIPT.lines().filter(line -> !line.startsWith("*"))
            .map(line -> line + "\n").collect(java.util.stream.Collectors.joining());
}

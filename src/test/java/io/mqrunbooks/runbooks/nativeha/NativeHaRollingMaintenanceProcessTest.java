package io.mqrunbooks.runbooks.nativeha;

import static io.mqrunbooks.runbooks.nativeha.NativeHaGroupModel.QM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.doReturn;

import io.mqrunbooks.adapter.inbound.camunda.nativeha.AssessNativeHaGroupDelegate;
import io.mqrunbooks.adapter.inbound.camunda.nativeha.CheckGroupSyncDelegate;
import io.mqrunbooks.adapter.inbound.camunda.nativeha.ConfirmActiveInstanceDelegate;
import io.mqrunbooks.adapter.inbound.camunda.nativeha.EndInstanceDelegate;
import io.mqrunbooks.adapter.inbound.camunda.nativeha.ReadBackVersionDelegate;
import io.mqrunbooks.adapter.inbound.camunda.nativeha.StartInstanceDelegate;
import io.mqrunbooks.application.nativeha.NativeHaMaintenance;
import io.mqrunbooks.mq.ControlOutcome;
import io.mqrunbooks.mq.ControlResult;
import io.mqrunbooks.application.port.out.control.EndMode;
import io.mqrunbooks.runbooks.rdqm.RunbookEngineTestAccess;
import io.mqrunbooks.testsupport.RunbookTestEngine;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@Deployment(resources = {"processes/nativeHaRollingMaintenanceProcess.bpmn", "forms/nativeHaMaintenanceStart.form",
        "forms/nativeHaMaintenanceApprove.form", "forms/nativeHaConfirmMaintenance.form",
        "forms/nativeHaSyncWaitDecide.form"})
class NativeHaRollingMaintenanceProcessTest extends RunbookEngineTestAccess {

    private NativeHaGroupModel group;

    @BeforeEach
    void nativeHaDelegates() {
        NativeHaMaintenance maintenance = new NativeHaMaintenance(lab.estate, lab.control);
        Mocks.register("assessNativeHaGroupDelegate", new AssessNativeHaGroupDelegate(maintenance));
        Mocks.register("checkGroupSyncDelegate", new CheckGroupSyncDelegate(maintenance, RunbookTestEngine.WAITS));
        Mocks.register("endInstanceDelegate", new EndInstanceDelegate(maintenance));
        Mocks.register("confirmActiveInstanceDelegate", new ConfirmActiveInstanceDelegate(maintenance));
        Mocks.register("readBackVersionDelegate", new ReadBackVersionDelegate(maintenance));
        Mocks.register("startInstanceDelegate", new StartInstanceDelegate(maintenance));
        group = new NativeHaGroupModel(lab.control);
    }

    private ProcessInstance startMaintenance() {
        ProcessInstance run = start("nativeHaRollingMaintenanceProcess", vars("queueManager", QM,
                "reason", "CHG-9 fix pack 9.4.0.26"));
        runJobs(run);
        return run;
    }

    /** The operator confirms the host's maintenance (an operational task, not a gate). */
    private void confirmMaintenance(ProcessInstance run, String host) {
        Task task = task(run);
        assertThat(task.getTaskDefinitionKey()).isEqualTo("userTask_confirmMaintenance");
        assertThat(task.getName()).isEqualTo("Confirm the maintenance of " + host + " (QMNHA)");
        identity.setAuthentication(OPERATOR, List.of("mq-operators"));
        try {
            tasks.complete(task.getId(), vars("maintenanceConfirmation", "done", "maintenanceNotes",
                    "fix pack 9.4.0.26 on " + host));
        } finally {
            identity.clearAuthentication();
        }
        runJobs(run);
        assertThat(lastJobFailure).as("a failed step").isNull();
    }

    @Test
    void replicasFirstThenTheActiveWhoseRoleMovesToAnInSyncReplica() {
        ProcessInstance run = startMaintenance();

        assertThat(task(run).getTaskDefinitionKey()).isEqualTo("userTask_approveMaintenance");
        assertThat(variable(run, "maintenanceOrder")).isEqualTo("nha2,nha3,nha1");
        assertThat((String) variable(run, "planSummary")).startsWith("""
                Queue manager QMNHA (Native HA, QUORUM(3/3))
                Instance   Host       Role     In sync Backlog (KB) Order
                nha2       nha2       Replica  Yes     0            1
                nha3       nha3       Replica  Yes     0            2
                nha1       nha1       Active   Yes     0            3 (last: ending it moves the active role to an in-sync replica)
                """).contains("Ending nha1 moves the active role to an in-sync replica, confirmed with dspmq");
        assertThat((String) variable(run, "versionReport")).contains("nha1", "nha2", "nha3");

        decide(run, "userTask_approveMaintenance", vars("maintenanceDecision", "approve"));
        assertThat(group.role).containsEntry("nha2", "Ended").containsEntry("nha1", "Active");
        confirmMaintenance(run, "nha2");
        assertThat(group.role).containsEntry("nha3", "Ended").containsEntry("nha1", "Active");
        confirmMaintenance(run, "nha3");
        // nha1, the active, ended last: nha2 (in sync) took over before the operator was asked
        assertThat(group.role).containsEntry("nha1", "Ended").containsEntry("nha2", "Active");
        confirmMaintenance(run, "nha1");

        assertThat(variable(run, "outcome")).isEqualTo("completed");
        assertThat(group.commands).containsExactly("nha2: endmqm -w QMNHA", "nha2: strmqm QMNHA",
                "nha3: endmqm -w QMNHA", "nha3: strmqm QMNHA", "nha1: endmqm -w QMNHA", "nha1: strmqm QMNHA");
        assertThat(group.role).containsExactly(Map.entry("nha1", "Replica"), Map.entry("nha2", "Active"),
                Map.entry("nha3", "Replica"));
        assertThat(((String) variable(run, "runLog")).split("\n")).containsExactly(
                "In sync before ending nha2; active on nha1",
                "nha2: endmqm -w QMNHA: ENDED (was Replica)",
                "Active instance: nha1 (QUORUM(2/3)) while nha2 is down",
                "nha2: dspmqver after the maintenance: 9.4.0.0",
                "nha2: strmqm QMNHA: STARTED",
                "In sync before ending nha3; active on nha1",
                "nha3: endmqm -w QMNHA: ENDED (was Replica)",
                "Active instance: nha1 (QUORUM(2/3)) while nha3 is down",
                "nha3: dspmqver after the maintenance: 9.4.0.0",
                "nha3: strmqm QMNHA: STARTED",
                "In sync before ending nha1; active on nha1",
                "nha1: endmqm -w QMNHA: ENDED (was Active)",
                "Active instance: nha2 (QUORUM(2/3)) while nha1 is down",
                "nha1: dspmqver after the maintenance: 9.4.0.0",
                "nha1: strmqm QMNHA: STARTED",
                "All instances in sync; active on nha2");
    }

    @Test
    void aReplicaAlreadyDownIsRefusedBecauseTheQuorumWouldBeLost() {
        group.role.put("nha3", "Ended");

        ProcessInstance run = startMaintenance();

        assertThat(variable(run, "refusalCode")).isEqualTo("QUORUM_AT_RISK");
        assertThat((String) variable(run, "outcome")).startsWith("aborted: Rolling maintenance refused: quorum would be"
                + " lost. Native HA needs two of its three instances in sync; INSTANCE(nha3) ROLE(Unknown) CONNACTV(No)"
                + " INSYNC(No) BACKLOG(512) is not, so ending any other instance would leave fewer than two"
                + " (QUORUM(2/3) on nha1). Bring it back in sync first.\n"
                + "dspmq -o nativeha -x on nha1: ROLE(Active) INSTANCE(nha1) INSYNC(Yes) QUORUM(2/3)");
        assertThat(endEvent(run)).isEqualTo("endEvent_refused");
        verify(lab.control, never()).end(anyString(), anyString(), any(), anyBoolean());
        verify(lab.control, never()).start(anyString(), anyString());
    }

    @Test
    void withoutAnActiveInstanceTheRunIsRefused() {
        group.role.put("nha1", "Ended");
        group.role.put("nha2", "Ended");

        ProcessInstance run = startMaintenance();

        assertThat(variable(run, "refusalCode")).isEqualTo("NO_ACTIVE_INSTANCE");
        assertThat((String) variable(run, "outcome")).startsWith("aborted: Rolling maintenance refused: no instance of"
                + " QMNHA reports ROLE(Active)");
    }

    @Test
    void aQueueManagerThatIsNotNativeHaIsRefused() {
        ProcessInstance run = start("nativeHaRollingMaintenanceProcess", vars("queueManager", "MIQM", "reason", "x"));
        runJobs(run);

        assertThat(variable(run, "outcome")).isEqualTo("aborted: Queue manager 'MIQM' is multi-instance in the"
                + " inventory, not native-ha");
    }

    @Test
    void aRejectedGateEndsNothing() {
        ProcessInstance run = startMaintenance();
        decide(run, "userTask_approveMaintenance", vars("maintenanceDecision", "reject"));

        assertThat(variable(run, "outcome")).isEqualTo("rejected");
        assertThat(group.commands).isEmpty();
    }

    @Test
    void theInitiatorCannotApproveTheirOwnRun() {
        ProcessInstance run = startMaintenance();
        Task gate = task(run);
        identity.setAuthentication(OPERATOR, List.of("mq-operators", "change-managers"));
        try {
            assertThatThrownBy(() -> tasks.complete(gate.getId(), vars("maintenanceDecision", "approve")))
                    .isInstanceOf(AuthorizationException.class).hasMessageContaining("Four-eyes rule");
        } finally {
            identity.clearAuthentication();
        }
        assertThat(group.commands).isEmpty();
    }

    @Test
    void aReplicaThatStaysBehindIsWaitedForThenTheOperatorKeepsWaitingUntilItCatchesUp() {
        ProcessInstance run = maintainNha2WhichStaysBehind(2);

        // nha2 rejoined but is behind: nha3 must not end yet
        assertThat(task(run)).isNull();
        assertThat(variable(run, "groupInSync")).isEqualTo(false);
        fireTimer(run);
        assertThat(task(run).getTaskDefinitionKey()).isEqualTo("userTask_decideSyncWait");
        assertThat(task(run).getName()).isEqualTo("Decide: keep waiting for the Native HA group QMNHA to be in sync?");
        assertThat((String) variable(run, "syncStatus")).startsWith("Poll 2 of 2: dspmq -o nativeha -x on nha1:")
                .endsWith("not in sync: INSTANCE(nha2) ROLE(Replica) CONNACTV(Yes) INSYNC(No) BACKLOG(512)");
        assertThat(group.commands).containsExactly("nha2: endmqm -w QMNHA", "nha2: strmqm QMNHA");

        completeAsOperator(run, "userTask_decideSyncWait", vars("syncWaitDecision", "keep"));
        group.behind.remove("nha2");
        fireTimer(run);

        assertThat(task(run).getTaskDefinitionKey()).isEqualTo("userTask_confirmMaintenance");
        assertThat(group.commands).endsWith("nha3: endmqm -w QMNHA");
    }

    @Test
    void theOperatorStopsTheRunWhenAReplicaStaysBehind() {
        ProcessInstance run = maintainNha2WhichStaysBehind(1);

        completeAsOperator(run, "userTask_decideSyncWait", vars("syncWaitDecision", "stop"));

        assertThat((String) variable(run, "outcome")).startsWith("aborted: the operator stopped waiting for the Native"
                + " HA group to be in sync: Poll 1 of 1:");
        assertThat(group.commands).containsExactly("nha2: endmqm -w QMNHA", "nha2: strmqm QMNHA");
    }

    @Test
    void aRetriedEndOfAnInstanceThatAlreadyEndedRunsNothing() {
        ProcessInstance run = startMaintenance();
        group.role.put("nha2", "Ended"); // ended between the gate and the step (e.g. a step that crashed after endmqm)
        decide(run, "userTask_approveMaintenance", vars("maintenanceDecision", "approve"));

        assertThat((String) variable(run, "runLog")).contains("nha2: QMNHA is ended there (ROLE(Unknown) INSTANCE(nha2)"
                + " INSYNC(No) QUORUM()): endmqm not needed");
        assertThat(group.commands).isEmpty();
    }

    @Test
    void aRefusedEndmqmBecomesAnIncidentWithMqsMessage() {
        doReturn(new ControlResult(ControlOutcome.REFUSED, List.of("AMQ8146E: IBM MQ queue manager not available."), 40))
                .when(lab.control).end("nha2", QM, EndMode.WAIT, false);
        ProcessInstance run = startMaintenance();
        decide(run, "userTask_approveMaintenance", vars("maintenanceDecision", "approve"));

        Incident incident = exhaustRetries(run);
        assertThat(incident.getActivityId()).isEqualTo("serviceTask_endInstance");
        assertThat(incident.getIncidentMessage()).isEqualTo("nha2: endmqm -w QMNHA was refused (REFUSED, exit code 40):"
                + " AMQ8146E: IBM MQ queue manager not available.");
    }

    /** Approved, nha2 maintained and started again, but it does not catch up; the wait asks after pollLimit polls. */
    @Test
    void theWaitBetweenTwoSyncChecksIsTheConfiguredOne() {
        ProcessInstance configured = maintainNha2WhichStaysBehind(2);
        assertThat(timerLength(configured)).isEqualTo(java.time.Duration.ofSeconds(30));
    }

    @Test
    void aStartThatAskedForShorterSyncChecksWaitsThatLong() {
        group.staysBehind.add("nha2");
        ProcessInstance shortened = start("nativeHaRollingMaintenanceProcess", vars("queueManager", QM,
                "reason", "CHG-10 fix pack", "pollInterval", "PT5S"));
        runJobs(shortened);
        decide(shortened, "userTask_approveMaintenance", vars("maintenanceDecision", "approve"));
        confirmMaintenance(shortened, "nha2");
        assertThat(timerLength(shortened)).isEqualTo(java.time.Duration.ofSeconds(5));
    }

    /** The change manager approves the order shown; the steps after it wait as jobs, not yet run. */
    private void approveWithoutRunningTheSteps(ProcessInstance run) {
        Task gate = task(run);
        assertThat(gate.getTaskDefinitionKey()).isEqualTo("userTask_approveMaintenance");
        identity.setAuthentication(CHANGE_MANAGER, List.of("change-managers"));
        try {
            tasks.complete(gate.getId(), vars("maintenanceDecision", "approve"));
        } finally {
            identity.clearAuthentication();
        }
    }

    /**
     * Trust review. Approved: replicas first (nha2, nha3), the active nha1 last. Between the approval and the
     * first step an administrator moves the run's position in the order ({@code instanceIndex}, in no gate's plan): the first
     * endmqm must still be nha2's, or the step must refuse; it must never end the active first.
     */
    @Test
    void anInstanceIndexWrittenAfterTheApprovalDoesNotEndTheActiveFirst() {
        ProcessInstance run = startMaintenance();
        assertThat(variable(run, "maintenanceOrder")).isEqualTo("nha2,nha3,nha1");
        approveWithoutRunningTheSteps(run);

        runtime.setVariable(run.getId(), "instanceIndex", 2);
        runJobs(run);

        assertThat(group.commands).as("what ran after the approval of the order nha2,nha3,nha1")
                .doesNotContain("nha1: endmqm -w QMNHA");
        assertThat(group.role).containsEntry("nha1", "Active");
    }

    /**
     * Trust review. The gate shows {@code planSummary} (replicas first, the active last). While it is open an
     * administrator rewrites {@code maintenanceOrder}; the change manager approves what the form shows. The approval hashes
     * the rewritten order (it is a plan variable), so the step runs it: the active ends first, against the
     * summary the approver read. The gate now refuses the completion: what it would approve is not what it showed.
     */
    @Test
    void anOrderRewrittenWhileTheGateIsOpenIsNotWhatTheApproverWasShown() {
        ProcessInstance run = startMaintenance();
        assertThat((String) variable(run, "planSummary")).contains("nha1       nha1       Active   Yes     0"
                + "            3 (last: ending it moves the active role to an in-sync replica)");

        runtime.setVariable(run.getId(), "maintenanceOrder", "nha1,nha2,nha3");
        assertThatThrownBy(() -> approveWithoutRunningTheSteps(run))
                .hasMessageContaining("would now show its approver something else than when it opened");
        runJobs(run);

        assertThat(group.commands).as("what ran after the approval of a summary saying nha1 last")
                .doesNotContain("nha1: endmqm -w QMNHA");
        assertThat(group.role).containsEntry("nha1", "Active");
    }

    /** From the waiting timer's creation to when it fires, to the second. */
    private java.time.Duration timerLength(ProcessInstance run) {
        org.camunda.bpm.engine.runtime.Job timer = management.createJobQuery().processInstanceId(run.getId()).timers()
                .singleResult();
        assertThat(timer).as("a waiting timer").isNotNull();
        long millis = timer.getDuedate().getTime() - timer.getCreateTime().getTime();
        return java.time.Duration.ofSeconds(Math.round(millis / 1000.0));
    }

    private ProcessInstance maintainNha2WhichStaysBehind(int pollLimit) {
        group.staysBehind.add("nha2");
        ProcessInstance run = startMaintenance();
        runtime.setVariable(run.getId(), "syncPollLimit", pollLimit);
        decide(run, "userTask_approveMaintenance", vars("maintenanceDecision", "approve"));
        confirmMaintenance(run, "nha2");
        return run;
    }

    private void completeAsOperator(ProcessInstance run, String taskKey, Map<String, Object> variables) {
        Task task = task(run);
        assertThat(task.getTaskDefinitionKey()).isEqualTo(taskKey);
        identity.setAuthentication(OPERATOR, List.of("mq-operators"));
        try {
            tasks.complete(task.getId(), variables);
        } finally {
            identity.clearAuthentication();
        }
        runJobs(run);
    }
}

package io.mqrunbooks.runbooks.rdqmha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mqrunbooks.evidence.EvidenceKind;
import io.mqrunbooks.evidence.EvidenceRecord;
import io.mqrunbooks.evidence.EvidenceStore;
import io.mqrunbooks.evidence.report.RunReport;
import io.mqrunbooks.evidence.report.RunReportService;
import io.mqrunbooks.runbooks.rdqm.RunbookLabTest;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * RDQM HA node maintenance end to end on the lab's HA group (ha1, ha2, ha3; QMHA1, QMHA2, QMHA3 preferring ha1,
 * ha2, ha3): the whole runbook through the engine over real SSH, with the faults that matter.
 */
class RdqmHaNodeMaintenanceLabTest extends RunbookLabTest {

    private static final String PROCESS = "rdqmHaNodeMaintenanceProcess";

    @Autowired
    EvidenceStore evidenceStore;

    @Autowired
    RunReportService reports;

    @Test
    void suspendsTheNodeWaitsForTheMaintenanceResumesItAndBringsTheQueueManagersBack() {
        ProcessInstance run = start(PROCESS, "haNode", "ha1", "reason", "CHG-20 fix pack 9.4.0.5");
        awaitTask(run.getId(), "userTask_approveMaintenance");
        assertThat((String) variable(run.getId(), "haPlanSummary"))
                .contains("Queue manager | Runs on now | Preferred location | HA status | During the maintenance of ha1")
                .contains("QMHA1 | ha1 | ha1 | Normal | moves to ha2, back to ha1 when it resumes")
                .contains("QMHA2 | ha2 | ha2 | Normal | stays on ha2")
                .contains("QMHA3 | ha3 | ha3 | Normal | stays on ha3");
        assertThat((String) variable(run.getId(), "versionReport")).contains("ha1", "ha2", "ha3");
        decide(run.getId(), "userTask_approveMaintenance", "maintenanceDecision", "approve");

        awaitTask(run.getId(), "userTask_confirmMaintenance");
        assertThat(labMq.haNodeSuspended("ha1")).isTrue();
        assertThat(labMq.haCurrentLocation("QMHA1")).contains("ha2");
        assertThat(labMq.haCurrentLocation("QMHA2")).contains("ha2");
        assertThat(labMq.haCurrentLocation("QMHA3")).contains("ha3");
        // The maintenance: a fix pack on ha1; meanwhile someone moved QMHA1's preference to ha2 by hand.
        labMq.installVersion("ha1", "9.4.0.5");
        assertThat(labMq.execute("ha2", "root", List.of("rdqmadm", "-p", "-m", "QMHA1", "-n", "ha2"), "").exitCode())
                .isZero();
        labJournal.clear();
        complete(run.getId(), "userTask_confirmMaintenance", "maintenanceDone", "Fix pack 9.4.0.5 installed");
        awaitEnd(run);

        assertThat(outcome(run)).isEqualTo("completed");
        assertThat(labMq.haNodeSuspended("ha1")).isFalse();
        assertThat(labMq.haCurrentLocation("QMHA1")).contains("ha1");
        assertThat(labMq.haCurrentLocation("QMHA2")).contains("ha2");
        assertThat((String) variable(run.getId(), "runLog"))
                .contains("ha1: rdqmadm -s: SUSPENDED (The replicated data node 'ha1' has been suspended.)")
                .contains("ha1: dspmqver: IBM MQ 9.4.0.5 installed")
                .contains("ha1: rdqmadm -r: RESUMED (The replicated data node 'ha1' has been resumed.)")
                .contains("ha1: rdqmadm -p -m QMHA1 -n ha1: PREFERRED_LOCATION_SET")
                .contains("QMHA2: preferred location still ha2: rdqmadm -p not needed")
                .contains("Every queue manager runs on its preferred location; HA status Normal on every node");
        assertThat(rdqmadm()).containsExactly("ha1: rdqmadm -r", "ha1: rdqmadm -p -m QMHA1 -n ha1");
        assertThat(commands()).contains("ha1: dspmqver", "ha2: rdqmstatus -m QMHA1", "ha3: rdqmstatus -n");

        // The evidence: every rdqmadm with its output, the gate with its approver, a chain that verifies.
        List<EvidenceRecord> records = evidenceStore.records(run.getId());
        assertThat(records).filteredOn(r -> r.kind() == EvidenceKind.COMMAND).map(r -> json(r.payload()))
                .filteredOn(c -> c.get("commandLine").asText().contains("rdqmadm"))
                .extracting(c -> c.get("host").asText() + ": " + c.get("commandLine").asText() + " -> "
                        + c.get("stdout").asText().lines().findFirst().orElse(""))
                .containsExactly("ha1: rdqmadm -s -> The replicated data node 'ha1' has been suspended.",
                        "ha1: rdqmadm -r -> The replicated data node 'ha1' has been resumed.",
                        "ha1: rdqmadm -p -m QMHA1 -n ha1 -> The preferred location of queue manager 'QMHA1' has been"
                                + " set to 'ha1'.");
        assertThat(records).filteredOn(r -> r.kind() == EvidenceKind.GATE).singleElement().satisfies(gate -> {
            assertThat(gate.stepName()).isEqualTo("Approve the maintenance of RDQM HA node ha1");
            assertThat(gate.actor()).isEqualTo(CHANGE_MANAGER);
        });
        assertThat(evidenceStore.verifyChain(run.getId()).intact()).isTrue();
    }

    private static JsonNode json(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    @Test
    void refusedWhenAnotherNodeIsAlreadySuspended() {
        labMq.suspendHaNode("ha2");

        ProcessInstance run = start(PROCESS, "haNode", "ha1", "reason", "CHG-21");
        awaitEnd(run);

        assertThat(variable(run.getId(), "refusalCode")).isEqualTo("OTHER_NODE_OFFLINE");
        assertThat(outcome(run)).startsWith("aborted: Maintenance of ha1 refused: another node, ha2, is already offline"
                + " (suspended or down; rdqmstatus -n on ha1)");
        assertThat(rdqmadm()).isEmpty();
        assertThat(labMq.haNodeSuspended("ha1")).isFalse();
    }

    @Test
    void refusedWhileAReplicaIsOutOfSync() {
        labMq.haReplicaOutOfSync("QMHA2", "ha3", 50_000_000);

        ProcessInstance run = start(PROCESS, "haNode", "ha1", "reason", "CHG-22");
        awaitEnd(run);

        assertThat(variable(run.getId(), "refusalCode")).isEqualTo("HA_STATUS_NOT_NORMAL");
        assertThat(outcome(run)).startsWith("aborted: Maintenance of ha1 refused: HA status is not Normal everywhere")
                .contains("QMHA2 on ha2: HA status Mixed; node ha3 Synchronization in progress (")
                .contains("KB out of sync)");
        assertThat(rdqmadm()).isEmpty();
    }

    @Test
    void theStarterCannotApproveAndARejectedMaintenanceChangesNothing() {
        ProcessInstance run = start(PROCESS, "haNode", "ha2", "reason", "CHG-23");
        Task gate = awaitTask(run.getId(), "userTask_approveMaintenance");
        assertThat(gate.getName()).isEqualTo("Approve the maintenance of RDQM HA node ha2");

        identityService.setAuthentication(OPERATOR, List.of("mq-operators", "change-managers"));
        try {
            assertThatThrownBy(() -> taskService.complete(gate.getId(), vars("maintenanceDecision", "approve")))
                    .isInstanceOf(AuthorizationException.class)
                    .hasMessageContaining("Four-eyes rule: operator started run")
                    .hasMessageContaining("cannot approve its gate 'Approve the maintenance of RDQM HA node ha2'");
        } finally {
            identityService.clearAuthentication();
        }
        decide(run.getId(), "userTask_approveMaintenance", "maintenanceDecision", "reject", "maintenanceComment",
                "not in this window");
        awaitEnd(run);

        assertThat(outcome(run)).isEqualTo("rejected");
        assertThat(rdqmadm()).isEmpty();
        assertThat(labMq.haCurrentLocation("QMHA2")).contains("ha2");
    }

    @Test
    void aNodeLostWhileTheQueueManagersMoveIsWaitedForThenBackedOut() {
        ProcessInstance run = approvedWithAnotherNodeLost("ha3");

        Task decision = awaitTask(run.getId(), "userTask_decideEvacuationWait");
        assertThat(decision.getName()).isEqualTo("Decide: keep waiting for the queue managers to leave ha1?");
        assertThat((String) variable(run.getId(), "evacuationStatus")).contains("ha3 cannot be reached");
        decide(run.getId(), "userTask_decideEvacuationWait", "evacuationWaitDecision", "backout");
        awaitEnd(run);

        assertThat(outcome(run)).startsWith("backed out: the node was resumed without maintenance; the queue managers"
                + " had not reached HA status Normal on the other nodes: Waiting: ha3 cannot be reached");
        assertThat(labMq.haNodeSuspended("ha1")).isFalse();
        assertThat(rdqmadm()).containsExactly("ha1: rdqmadm -s", "ha1: rdqmadm -r");
        assertThat(labMq.haCurrentLocation("QMHA1")).contains("ha1");
    }

    @Test
    void aNodeLostWhileTheQueueManagersMoveIsWaitedForUntilItIsBack() {
        ProcessInstance run = approvedWithAnotherNodeLost("ha3");
        decide(run.getId(), "userTask_decideEvacuationWait", "evacuationWaitDecision", "keep");
        labFaults.hostUp("ha3");
        labMq.recoverHost("ha3");
        fireTimer(run.getId());

        awaitTask(run.getId(), "userTask_confirmMaintenance");
        assertThat((String) variable(run.getId(), "evacuationStatus")).isEqualTo(
                "Every queue manager runs on another node than ha1; HA status Normal on the remaining nodes");
        complete(run.getId(), "userTask_confirmMaintenance", "maintenanceDone", "Kernel patched");
        awaitEnd(run);

        assertThat(outcome(run)).isEqualTo("completed");
        assertThat(labMq.haCurrentLocation("QMHA3")).contains("ha3");
    }

    @Test
    void aNodeLostDuringTheMaintenanceLeavesTheNodeSuspendedAndMovesNothingWhenTheChangeManagerStops() {
        ProcessInstance run = maintainedWhileTheGroupDegrades(() -> {
            labFaults.hostDown("ha2");
            labMq.failHost("ha2");
        });
        Task decision = awaitTask(run.getId(), "userTask_decideResumeWait");
        assertThat(decision.getName()).isEqualTo("Decide: keep waiting before resuming ha1?");
        assertThat((String) variable(run.getId(), "resumeReadyStatus")).startsWith("Waiting: ha2 cannot be reached");
        assertThat((String) variable(run.getId(), "resumeReadySummary")).startsWith("Poll 2 of 2 (every 30 seconds)")
                .contains("QMHA1: runs on ha3", "QMHA2: runs on ha3", "QMHA3: runs on ha3");
        decide(run.getId(), "userTask_decideResumeWait", "resumeWaitDecision", "stop", "resumeWaitComment",
                "ha2 lost: hardware call open");
        awaitEnd(run);

        String outcome = "aborted: ha1 was maintained but left suspended (rdqmadm -r not run) and no queue manager was"
                + " moved, as the change manager decided: Waiting: ha2 cannot be reached";
        assertThat(outcome(run)).startsWith(outcome).endsWith(
                ". Resume it with rdqmadm -r once the other nodes are online with HA status Normal");
        assertThat(labMq.haNodeSuspended("ha1")).isTrue();
        assertThat(rdqmadm()).containsExactly("ha1: rdqmadm -s");
        assertThat(labMq.haCurrentLocation("QMHA1")).contains("ha3");
        RunReport report = reports.report(run.getId());
        assertThat(report.outcome().outcome()).startsWith(outcome);
        assertThat(report.approvals()).extracting(RunReport.Approval::stepName, RunReport.Approval::approver,
                RunReport.Approval::decision, RunReport.Approval::comment).contains(tuple(
                        "Decide: keep waiting before resuming ha1?", CHANGE_MANAGER, "stop",
                        "ha2 lost: hardware call open"));
    }

    @Test
    void aNodeLostDuringTheMaintenanceIsWaitedForThenTheNodeIsResumedOnceItIsBack() {
        ProcessInstance run = maintainedWhileTheGroupDegrades(() -> {
            labFaults.hostDown("ha2");
            labMq.failHost("ha2");
        });
        decide(run.getId(), "userTask_decideResumeWait", "resumeWaitDecision", "keep");
        fireTimer(run.getId());
        awaitTimer(run.getId());
        assertThat(labMq.haNodeSuspended("ha1")).isTrue();
        assertThat(rdqmadm()).containsExactly("ha1: rdqmadm -s");
        labFaults.hostUp("ha2");
        labMq.recoverHost("ha2");
        fireTimer(run.getId());
        awaitEnd(run);

        assertThat(outcome(run)).isEqualTo("completed");
        assertThat((String) variable(run.getId(), "runLog")).contains("The other nodes than ha1 are online; every"
                + " queue manager runs on one of them with HA status Normal: ha1 can be resumed (poll 2)");
        assertThat(rdqmadm()).containsExactly("ha1: rdqmadm -s", "ha1: rdqmadm -r");
        assertThat(labMq.haCurrentLocation("QMHA1")).contains("ha1");
        assertThat(labMq.haCurrentLocation("QMHA2")).contains("ha2");
        assertThat(reports.report(run.getId()).outcome().outcome()).isEqualTo("completed");
    }

    @Test
    void aReplicaFallingBehindDuringTheMaintenanceHoldsTheResumeUntilTheChangeManagerDecides() {
        ProcessInstance run = maintainedWhileTheGroupDegrades(() -> labMq.haReplicaOutOfSync("QMHA3", "ha2",
                50_000_000));
        awaitTask(run.getId(), "userTask_decideResumeWait");
        assertThat((String) variable(run.getId(), "resumeReadyStatus")).startsWith(
                "Waiting: QMHA3 on ha3: HA status Mixed; node ha2 Synchronization in progress (");
        decide(run.getId(), "userTask_decideResumeWait", "resumeWaitDecision", "stop");
        awaitEnd(run);

        assertThat(outcome(run)).startsWith("aborted: ha1 was maintained but left suspended (rdqmadm -r not run) and"
                + " no queue manager was moved, as the change manager decided: Waiting: QMHA3 on ha3: HA status Mixed;"
                + " node ha2 Synchronization in progress (");
        assertThat(labMq.haNodeSuspended("ha1")).isTrue();
        assertThat(labMq.haCurrentLocation("QMHA1")).contains("ha2");
        assertThat(rdqmadm()).containsExactly("ha1: rdqmadm -s");
    }

    @Test
    void aReplicaOfTheResumedNodeStillBehindIsWaitedForThenTheChangeManagerStopsWaiting() {
        // Written while ha1 was suspended: its copy of QMHA2 is behind, which the checks before the resume leave out.
        ProcessInstance run = maintainedWhileTheGroupDegrades(() -> labMq.haReplicaOutOfSync("QMHA2", "ha1",
                50_000_000));
        awaitTask(run.getId(), "userTask_decideReturnWait");
        assertThat((String) variable(run.getId(), "returnStatus")).startsWith(
                "Waiting: QMHA2 on ha2: HA status Mixed; node ha1 Synchronization in progress (");
        decide(run.getId(), "userTask_decideReturnWait", "returnWaitDecision", "keep");
        fireTimer(run.getId());
        fireTimer(run.getId());
        awaitTask(run.getId(), "userTask_decideReturnWait");
        assertThat((String) variable(run.getId(), "returnSummary")).startsWith("Poll 2 of 2 (every 30 seconds)");
        decide(run.getId(), "userTask_decideReturnWait", "returnWaitDecision", "stop");
        awaitEnd(run);

        assertThat(outcome(run)).startsWith("aborted: the node was maintained and resumed, but the change manager"
                + " stopped waiting for the queue managers to return: Waiting: QMHA2 on ha2: HA status Mixed; node ha1"
                + " Synchronization in progress (");
        assertThat(labMq.haNodeSuspended("ha1")).isFalse();
        assertThat(labMq.haCurrentLocation("QMHA1")).contains("ha1");
        assertThat(rdqmadm()).containsExactly("ha1: rdqmadm -s", "ha1: rdqmadm -r");
        assertThat(reports.report(run.getId()).approvals()).extracting(RunReport.Approval::stepName,
                RunReport.Approval::decision).containsSubsequence(
                        tuple("Decide: keep waiting for the queue managers to return after ha1?", "keep"),
                        tuple("Decide: keep waiting for the queue managers to return after ha1?", "stop"));
    }

    /** Approved with a poll limit of two; {@code lost} fails right after the pre-flight, so the wait times out. */
    private ProcessInstance approvedWithAnotherNodeLost(String lost) {
        ProcessInstance run = start(PROCESS, "haNode", "ha1", "reason", "CHG-24");
        awaitTask(run.getId(), "userTask_approveMaintenance");
        runtimeService.setVariable(run.getId(), "evacuationPollLimit", 2);
        labFaults.hostDown(lost);
        labMq.failHost(lost);
        decide(run.getId(), "userTask_approveMaintenance", "maintenanceDecision", "approve");
        fireTimer(run.getId());
        awaitTask(run.getId(), "userTask_decideEvacuationWait");
        return run;
    }

    /**
     * Approved, the queue managers off ha1, then {@code fault} while the operator does the maintenance; poll limits of
     * two for the waits before the resume and after it, so a fault that stays asks for a decision.
     */
    private ProcessInstance maintainedWhileTheGroupDegrades(Runnable fault) {
        ProcessInstance run = start(PROCESS, "haNode", "ha1", "reason", "CHG-25");
        awaitTask(run.getId(), "userTask_approveMaintenance");
        runtimeService.setVariable(run.getId(), "resumeReadyPollLimit", 2);
        runtimeService.setVariable(run.getId(), "returnPollLimit", 2);
        decide(run.getId(), "userTask_approveMaintenance", "maintenanceDecision", "approve");
        awaitTask(run.getId(), "userTask_confirmMaintenance");
        fault.run();
        complete(run.getId(), "userTask_confirmMaintenance", "maintenanceDone", "OS patched");
        fireTimer(run.getId());
        return run;
    }

    private void awaitTimer(String processInstanceId) {
        await("a poll timer", processInstanceId, () -> waitsOnTimer(processInstanceId));
    }

    /** An operational task, completed by the operator. */
    private void complete(String processInstanceId, String taskKey, Object... variables) {
        completeAs(OPERATOR, List.of("mq-operators"), processInstanceId, taskKey, variables);
    }

    private List<String> rdqmadm() {
        return commands().stream().filter(c -> c.contains(": rdqmadm")).toList();
    }
}

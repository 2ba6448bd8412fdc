package io.mqrunbooks.runbooks.nativeha;

import io.mqrunbooks.mq.QmStatus;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mqrunbooks.evidence.EvidenceKind;
import io.mqrunbooks.evidence.EvidenceRecord;
import io.mqrunbooks.evidence.EvidenceStore;
import io.mqrunbooks.evidence.report.RunReport;
import io.mqrunbooks.evidence.report.RunReportService;
import io.mqrunbooks.runbooks.rdqm.RunbookLabTest;
import java.util.List;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Rolling maintenance of the lab's Native HA queue manager QMNHA (instances nha1, active at first, nha2 and nha3)
 * through the engine, over SSH: the happy path, the quorum refusal, a replica that stays out of sync, and another
 * instance's host lost while one instance is in maintenance.
 */
class NativeHaRollingMaintenanceLabTest extends RunbookLabTest {

    private static final String PROCESS = "nativeHaRollingMaintenanceProcess";

    @Autowired
    private EvidenceStore evidenceStore;

    @Autowired
    private RunReportService reports;

    private static JsonNode json(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void confirmMaintenance(String processInstanceId, String host) {
        Task task = awaitTask(processInstanceId, "userTask_confirmMaintenance");
        assertThat(task.getName()).isEqualTo("Confirm the maintenance of " + host + " (QMNHA)");
        identityService.setAuthentication(OPERATOR, List.of("mq-operators"));
        try {
            taskService.complete(task.getId(), vars("maintenanceConfirmation", "done", "maintenanceNotes",
                    "fix pack installed on " + host));
        } finally {
            identityService.clearAuthentication();
        }
    }

    private void decideAsOperator(String processInstanceId, String taskKey, Object... variables) {
        Task task = awaitTask(processInstanceId, taskKey);
        identityService.setAuthentication(OPERATOR, List.of("mq-operators"));
        try {
            taskService.complete(task.getId(), vars(variables));
        } finally {
            identityService.clearAuthentication();
        }
    }

    @Test
    void everyInstanceIsMaintainedReplicasFirstAndTheActiveRoleMovesWithTheMessages() {
        ProcessInstance run = start(PROCESS, "queueManager", "QMNHA", "reason", "CHG-20 fix pack");
        awaitTask(run.getId(), "userTask_approveMaintenance");
        assertThat((String) variable(run.getId(), "planSummary")).contains("""
                Instance   Host       Role     In sync Backlog (KB) Order
                nha2       nha2       Replica  Yes     0            1
                nha3       nha3       Replica  Yes     0            2
                nha1       nha1       Active   Yes     0            3 (last: ending it moves the active role to an in-sync replica)
                """);
        decide(run.getId(), "userTask_approveMaintenance", "maintenanceDecision", "approve", "maintenanceComment",
                "Fix pack window agreed");

        awaitTask(run.getId(), "userTask_confirmMaintenance");
        assertThat(labMq.queueManagerState("nha2", "QMNHA")).contains(QmStatus.ENDED_NORMALLY);
        // the applications keep writing to the active while nha2 is down: nha2 has to catch up when it is back
        assertThat(labMq.execute("nha1", "mqm", List.of("runmqsc", "QMNHA"),
                "DEFINE QLOCAL(APP.Q) DEFPSIST(YES) REPLACE\n").exitCode()).isZero();
        assertThat(labMq.putMessages("nha1", "QMNHA", "APP.Q", 3, true)).isEqualTo(3);
        assertThat(labMq.execute("nha1", "mqm", List.of("dspmq", "-o", "nativeha", "-x", "-m", "QMNHA"), "").stdout())
                .contains("QUORUM(2/3)", "INSTANCE(nha2) ROLE(Unknown) REPLADDR(nha2(4444)) CONNACTV(no) INSYNC(no)"
                        + " BACKLOG(12)");
        confirmMaintenance(run.getId(), "nha2");
        confirmMaintenance(run.getId(), "nha3");
        confirmMaintenance(run.getId(), "nha1");
        awaitEnd(run);

        assertThat(outcome(run)).isEqualTo("completed");
        assertThat(labMq.queueManagerState("nha2", "QMNHA")).contains(QmStatus.RUNNING);
        assertThat(labMq.queueManagerState("nha1", "QMNHA")).contains(QmStatus.REPLICA);
        assertThat(labMq.queueManagerState("nha3", "QMNHA")).contains(QmStatus.REPLICA);
        assertThat(labMq.queueDepth("nha2", "QMNHA", "APP.Q")).isEqualTo(3);
        assertThat(sideEffects()).containsExactly("nha2: endmqm -w QMNHA", "nha2: strmqm QMNHA",
                "nha3: endmqm -w QMNHA", "nha3: strmqm QMNHA", "nha1: endmqm -w QMNHA", "nha1: strmqm QMNHA");
        assertThat(commands()).startsWith("nha1: dspmq -m QMNHA -o nativeha -x -n", "nha2: dspmq -m QMNHA -o nativeha -x -n",
                "nha3: dspmq -m QMNHA -o nativeha -x -n", "nha1: dspmqver", "nha2: dspmqver", "nha3: dspmqver");
        // the evidence holds every command the lab ran, in order, and the gate with its approver
        List<EvidenceRecord> records = evidenceStore.records(run.getId());
        List<JsonNode> commands = records.stream().filter(r -> r.kind() == EvidenceKind.COMMAND)
                .map(r -> json(r.payload())).toList();
        assertThat(commands).extracting(c -> c.get("host").asText() + ": " + c.get("commandLine").asText())
                .containsExactlyElementsOf(commands());
        assertThat(records).filteredOn(r -> r.kind() == EvidenceKind.GATE).singleElement().satisfies(gate -> {
            assertThat(gate.actor()).isEqualTo(CHANGE_MANAGER);
            assertThat(json(gate.payload()).get("decision").asText()).isEqualTo("approve");
            assertThat(json(gate.payload()).get("comment").asText()).isEqualTo("Fix pack window agreed");
        });
        assertThat(evidenceStore.verifyChain(run.getId()).intact()).isTrue();
        assertThat((String) variable(run.getId(), "runLog")).contains(
                "nha1: endmqm -w QMNHA: ENDED (was Active)\nActive instance: nha2 (QUORUM(2/3)) while nha1 is down",
                "nha2: dspmqver after the maintenance: 9.4.0.0");
    }

    @Test
    void withAReplicaAlreadyDownTheRunIsRefusedAndNothingRuns() {
        assertThat(labMq.execute("nha3", "mqm", List.of("endmqm", "-i", "QMNHA"), "").exitCode()).isZero();
        labJournal.clear();

        ProcessInstance run = start(PROCESS, "queueManager", "QMNHA", "reason", "CHG-21");
        awaitEnd(run);

        assertThat(outcome(run)).startsWith("aborted: Rolling maintenance refused: quorum would be lost. Native HA needs"
                + " two of its three instances in sync; INSTANCE(nha3) ROLE(Unknown) CONNACTV(No) INSYNC(No) BACKLOG(0)"
                + " is not, so ending any other instance would leave fewer than two (QUORUM(2/3) on nha1).");
        assertThat(variable(run.getId(), "refusalCode")).isEqualTo("QUORUM_AT_RISK");
        assertThat(sideEffects()).isEmpty();
        assertThat(labMq.queueManagerState("nha1", "QMNHA")).contains(QmStatus.RUNNING);
        assertThat(labMq.queueManagerState("nha2", "QMNHA")).contains(QmStatus.REPLICA);
    }

    @Test
    void aReplicaThatStaysOutOfSyncIsWaitedForThenTheOperatorStopsTheRun() {
        ProcessInstance run = start(PROCESS, "queueManager", "QMNHA", "reason", "CHG-22");
        awaitTask(run.getId(), "userTask_approveMaintenance");
        runtimeService.setVariable(run.getId(), "syncPollLimit", 2);
        decide(run.getId(), "userTask_approveMaintenance", "maintenanceDecision", "approve");
        awaitTask(run.getId(), "userTask_confirmMaintenance");
        // nha2's replication link fails during its maintenance: it starts again but cannot catch up
        labMq.nativeHaReplicationLink("nha2", "QMNHA", false);
        confirmMaintenance(run.getId(), "nha2");

        fireTimer(run.getId());
        Task decision = awaitTask(run.getId(), "userTask_decideSyncWait");
        assertThat(decision.getName()).isEqualTo("Decide: keep waiting for the Native HA group QMNHA to be in sync?");
        assertThat((String) variable(run.getId(), "syncStatus")).startsWith("Poll 2 of 2:").endsWith(
                "not in sync: INSTANCE(nha2) ROLE(Unknown) CONNACTV(No) INSYNC(No) BACKLOG(0)");
        decideAsOperator(run.getId(), "userTask_decideSyncWait", "syncWaitDecision", "keep");
        // keeping on waits two more polls (the count starts again) before asking again
        fireTimer(run.getId());
        fireTimer(run.getId());
        awaitTask(run.getId(), "userTask_decideSyncWait");
        decideAsOperator(run.getId(), "userTask_decideSyncWait", "syncWaitDecision", "stop");
        awaitEnd(run);

        assertThat(outcome(run)).startsWith("aborted: the operator stopped waiting for the Native HA group to be in"
                + " sync: Poll");
        // nha3 and nha1 were never ended: two of three stay in sync, the queue manager keeps running on nha1
        assertThat(sideEffects()).containsExactly("nha2: endmqm -w QMNHA", "nha2: strmqm QMNHA");
        assertThat(labMq.queueManagerState("nha1", "QMNHA")).contains(QmStatus.RUNNING);
        assertThat(labMq.queueManagerState("nha3", "QMNHA")).contains(QmStatus.REPLICA);
    }

    @Test
    void aHostLostWhileAnInstanceIsInMaintenanceStopsTheRollBeforeTheNextInstance() {
        ProcessInstance run = nha2InMaintenanceWhenNha3IsLost();
        Task decision = awaitTask(run.getId(), "userTask_decideSyncWait");
        assertThat(decision.getName()).isEqualTo("Decide: keep waiting for the Native HA group QMNHA to be in sync?");
        assertThat((String) variable(run.getId(), "syncStatus")).startsWith("Poll 2 of 2:")
                .contains("dspmq -o nativeha -x on nha1: ROLE(Active) INSTANCE(nha1)")
                .endsWith("not in sync: nha3 cannot be reached");
        decideAsOperator(run.getId(), "userTask_decideSyncWait", "syncWaitDecision", "stop", "syncWaitComment",
                "nha3 lost: hardware call open, resume the roll when it is back");
        awaitEnd(run);

        String outcome = "aborted: the operator stopped waiting for the Native HA group to be in sync: Poll 2 of 2:";
        assertThat(outcome(run)).startsWith(outcome).endsWith("not in sync: nha3 cannot be reached");
        // nha2 was started again at once (its maintenance done), so nha1 and nha2 keep the quorum; nothing else ran
        assertThat(sideEffects()).containsExactly("nha2: endmqm -w QMNHA", "nha2: strmqm QMNHA");
        assertThat(labMq.queueManagerState("nha1", "QMNHA")).contains(QmStatus.RUNNING);
        assertThat(labMq.queueManagerState("nha2", "QMNHA")).contains(QmStatus.REPLICA);
        RunReport report = reports.report(run.getId());
        assertThat(report.outcome().outcome()).startsWith(outcome);
        assertThat(report.userTasks()).filteredOn(t -> t.stepId().equals("userTask_decideSyncWait")).singleElement()
                .satisfies(t -> {
                    assertThat(t.completedBy()).isEqualTo(OPERATOR);
                    assertThat(t.values()).containsEntry("syncWaitDecision", "stop").containsEntry("syncWaitComment",
                            "nha3 lost: hardware call open, resume the roll when it is back");
                });
    }

    @Test
    void aHostLostWhileAnInstanceIsInMaintenanceIsWaitedForThenTheRollGoesOn() {
        ProcessInstance run = nha2InMaintenanceWhenNha3IsLost();
        decideAsOperator(run.getId(), "userTask_decideSyncWait", "syncWaitDecision", "keep");
        fireTimer(run.getId());
        await("a poll timer", run.getId(), () -> waitsOnTimer(run.getId()));
        assertThat(sideEffects()).containsExactly("nha2: endmqm -w QMNHA", "nha2: strmqm QMNHA");
        labFaults.hostUp("nha3");
        labMq.recoverHost("nha3");
        fireTimer(run.getId());
        // nha3 came back ended: it is maintained next without an endmqm, then started
        confirmMaintenance(run.getId(), "nha3");
        confirmMaintenance(run.getId(), "nha1");
        awaitEnd(run);

        assertThat(outcome(run)).isEqualTo("completed");
        assertThat(sideEffects()).containsExactly("nha2: endmqm -w QMNHA", "nha2: strmqm QMNHA", "nha3: strmqm QMNHA",
                "nha1: endmqm -w QMNHA", "nha1: strmqm QMNHA");
        assertThat((String) variable(run.getId(), "runLog")).contains(
                "nha3: QMNHA is ended there (ROLE(Unknown) INSTANCE(nha3) INSYNC(No) QUORUM()): endmqm not needed");
        assertThat(reports.report(run.getId()).outcome().outcome()).isEqualTo("completed");
    }

    /** Approved with a sync poll limit of two; nha3's host fails while nha2 is ended for its maintenance. */
    private ProcessInstance nha2InMaintenanceWhenNha3IsLost() {
        ProcessInstance run = start(PROCESS, "queueManager", "QMNHA", "reason", "CHG-23");
        awaitTask(run.getId(), "userTask_approveMaintenance");
        runtimeService.setVariable(run.getId(), "syncPollLimit", 2);
        decide(run.getId(), "userTask_approveMaintenance", "maintenanceDecision", "approve");
        awaitTask(run.getId(), "userTask_confirmMaintenance");
        labFaults.hostDown("nha3");
        labMq.failHost("nha3");
        confirmMaintenance(run.getId(), "nha2");
        fireTimer(run.getId());
        awaitTask(run.getId(), "userTask_decideSyncWait");
        return run;
    }
}

package io.mqrunbooks.runbooks.rdqm;

import io.mqrunbooks.mq.QmStatus;
import static org.assertj.core.api.Assertions.assertThat;

import io.mqrunbooks.lab.mq.DrRole;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

/** Seed 004 "Replace node that was running as DR Primary" and "... as a DR Secondary", against the lab. */
class RdqmNodeReplacementLabTest extends RunbookLabTest {

    @Test
    void replacesThePrimaryNodeThenSwitchesBack() {
        labMq.putMessages("dr1", "QMDR", "APP.IN", 3, true);
        // dr1 is lost; its replacement comes up with the same name and address and a stale QMDR on it.
        labFaults.hostDown("dr1");
        labMq.failHost("dr1");
        labMq.recoverHost("dr1");
        labFaults.hostUp("dr1");

        ProcessInstance run = start("rdqmNodeReplacementProcess", "queueManager", "QMDR", "lostNode", "dr1",
                "reason", "INC-31 dr1 replaced");
        decide(run.getId(), "userTask_approveReplacement", "replacementDecision", "approve");
        awaitTask(run.getId(), "userTask_approveStaleDelete");
        assertThat((String) variable(run.getId(), "staleSummary")).startsWith("dspmq on dr1 shows QMDR with status"
                + " Ended unexpectedly.");
        decide(run.getId(), "userTask_approveStaleDelete", "staleDeleteDecision", "approve");

        pollSynchronizationUntil(run.getId(), "userTask_approveRestoreRoles");
        assertThat(labMq.drRole("dr2", "QMDR")).contains(DrRole.PRIMARY);
        assertThat(labMq.drRole("dr1", "QMDR")).contains(DrRole.SECONDARY);
        assertThat(variable(run.getId(), "syncProgress")).isEqualTo(
                "Synchronization complete: DR status Normal on both nodes");
        decide(run.getId(), "userTask_approveRestoreRoles", "restoreRolesDecision", "restore");
        String switchBack = awaitCalledRun(run);
        decide(switchBack, "userTask_approveSwitchover", "switchoverDecision", "approve");
        awaitEnd(run);

        assertThat(outcome(run)).isEqualTo("completed; switch back to the original roles: completed");
        assertThat(labMq.drRole("dr1", "QMDR")).contains(DrRole.PRIMARY);
        assertThat(labMq.queueManagerState("dr1", "QMDR")).contains(QmStatus.RUNNING);
        assertThat(labMq.drRole("dr2", "QMDR")).contains(DrRole.SECONDARY);
        assertThat(labMq.queueDepth("dr1", "QMDR", "APP.IN")).isEqualTo(3);
        assertThat(sideEffects()).containsExactly(
                "dr1: dltmqm QMDR",
                "dr2: rdqmdr -m QMDR -p",
                "dr2: strmqm QMDR",
                "dr2: rdqmdr -m QMDR -d",
                "dr1: crtmqm -rr s -rl 127.0.2.14 -ri 127.0.2.15 -rn dr2 -rp 7001 QMDR",
                "dr2: endmqm -w QMDR",
                "dr2: rdqmdr -m QMDR -s",
                "dr1: rdqmdr -m QMDR -p",
                "dr1: strmqm QMDR");
    }

    @Test
    void replacesTheSecondaryNode() {
        labMq.putMessages("dr1", "QMDR", "APP.IN", 4, true);
        labFaults.hostDown("dr2");
        labMq.failHost("dr2");
        // The replacement dr2: same name and address, no queue manager yet.
        labMq.recoverHost("dr2");
        assertThat(labMq.execute("dr2", "root", List.of("dltmqm", "QMDR"), "").exitCode()).isZero();
        labFaults.hostUp("dr2");

        ProcessInstance run = start("rdqmNodeReplacementProcess", "queueManager", "QMDR", "lostNode", "dr2",
                "reason", "INC-32 dr2 replaced");
        decide(run.getId(), "userTask_approveReplacement", "replacementDecision", "approve");
        pollSynchronizationUntil(run.getId(), null);

        assertThat(outcome(run)).isEqualTo("completed");
        assertThat(labMq.drRole("dr1", "QMDR")).contains(DrRole.PRIMARY);
        assertThat(labMq.queueManagerState("dr1", "QMDR")).contains(QmStatus.RUNNING);
        assertThat(labMq.drRole("dr2", "QMDR")).contains(DrRole.SECONDARY);
        assertThat(sideEffects()).containsExactly(
                "dr1: rdqmdr -m QMDR -d",
                "dr2: crtmqm -rr s -rl 127.0.2.15 -ri 127.0.2.14 -rn dr1 -rp 7001 QMDR");
        assertThat(commands()).endsWith("dr1: rdqmstatus -m QMDR", "dr2: rdqmstatus -m QMDR");
    }

    /** Fires the 30 s poll timers (after moving the lab's time on a second) until the run has this task open, or has ended. */
    private void pollSynchronizationUntil(String processInstanceId, String taskKey) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (true) {
            boolean ended = historyService.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId)
                    .singleResult().getEndTime() != null;
            if (taskKey == null ? ended : taskService.createTaskQuery().processInstanceId(processInstanceId)
                    .taskDefinitionKey(taskKey).count() == 1) {
                return;
            }
            assertThat(ended).as("the run ended before " + taskKey).isFalse();
            assertThat(Instant.now()).as("synchronized within 90 s").isBefore(deadline);
            if (waitsOnTimer(processInstanceId)) {
                assertThat((String) variable(processInstanceId, "syncProgress")).isNotBlank();
                labTime.advance(Duration.ofSeconds(1));
                fireTimer(processInstanceId);
            }
            sleep(200);
        }
    }

    private String awaitCalledRun(ProcessInstance parent) {
        String[] called = new String[1];
        await("the switch back", parent.getId(), () -> (called[0] = calledRun(parent)) != null);
        return called[0];
    }
}

package io.mqrunbooks.runbooks.rdqm;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqrunbooks.application.port.out.control.DrSecondaryCommand;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@Deployment(resources = {"processes/rdqmNodeReplacementProcess.bpmn", "processes/rdqmSwitchoverProcess.bpmn",
        "forms/rdqmReplacementStart.form", "forms/rdqmReplacementApprove.form", "forms/rdqmStaleDeleteApprove.form",
        "forms/rdqmSyncWaitDecide.form", "forms/rdqmRestoreRolesApprove.form", "forms/rdqmSwitchoverStart.form",
        "forms/rdqmSwitchoverApprove.form"})
class RdqmNodeReplacementProcessTest extends RunbookEngineTest {

    private FakeDrPair pair;

    @BeforeEach
    void fakePair() {
        pair = new FakeDrPair(lab.control);
    }

    /** dr1 (the primary) was lost; the replacement dr1 still carries a stale QMDR; dr2 is the ended secondary. */
    private void primaryLostWithStaleQueueManager() {
        pair.nodes.get("dr1").running = false;
    }

    private ProcessInstance startReplacement(String lostNode) {
        ProcessInstance run = start("rdqmNodeReplacementProcess", vars("queueManager", "QMDR", "lostNode", lostNode,
                "reason", "INC-21 node replaced"));
        runJobs(run);
        return run;
    }

    @Test
    void replacesTheLostPrimaryAndSwitchesBackWhenApproved() {
        primaryLostWithStaleQueueManager();
        pair.syncPollsAfterCreate = 2;

        ProcessInstance run = startReplacement("dr1");
        assertThat((String) variable(run, "versionReport")).startsWith("""
                Host  Queue manager  Installed  Bulletins
                dr1   QMDR           9.4.0.0    CVE-2026-1713, CVE-2026-10027
                dr2   QMDR           9.4.0.0    CVE-2026-1713, CVE-2026-10027
                """);
        assertThat((String) variable(run, "replacementSummary")).contains(
                "Lost node dr1 (was the DR primary), replaced by a node with the same name and replication address"
                        + " 127.0.2.14",
                "- delete the stale QMDR on dr1 (a separate approval)",
                "- on dr2: rdqmdr -m QMDR -p, strmqm QMDR",
                "- then, if approved, switch back so that dr1 is the primary again");
        decide(run, "userTask_approveReplacement", vars("replacementDecision", "approve"));
        assertThat(variable(run, "staleSummary")).isEqualTo("dspmq on dr1 shows QMDR with status Ended immediately. It"
                + " is left over from the lost node and must be deleted before the replacement can become the DR"
                + " secondary: dltmqm QMDR on dr1. Its data is destroyed; the queue manager's data is on dr2.");
        decide(run, "userTask_approveStaleDelete", vars("staleDeleteDecision", "approve"));

        // Synchronizing: the run rests on its timer with the progress in a variable.
        assertThat(variable(run, "syncProgress")).isEqualTo("Synchronization 0.0% done, estimated completion"
                + " 2026-11-21 07:30:00");
        fireTimer(run);
        assertThat(variable(run, "syncProgress")).isEqualTo("Synchronization 33.3% done, estimated completion"
                + " 2026-11-21 07:30:00");
        fireTimer(run);
        assertThat(variable(run, "syncNormal")).isEqualTo(true);
        assertThat(pair.commands).containsExactly(
                "dr1: dltmqm QMDR",
                "dr2: rdqmdr -m QMDR -p",
                "dr2: strmqm QMDR",
                "dr2: rdqmdr -m QMDR -d",
                "dr1: crtmqm -rr s -rl 127.0.2.14 -ri 127.0.2.15 -rn dr2 -rp 7001 QMDR");

        decide(run, "userTask_approveRestoreRoles", vars("restoreRolesDecision", "restore"));
        ProcessInstance switchBack = runtime.createProcessInstanceQuery().superProcessInstanceId(run.getId())
                .singleResult();
        assertThat(variable(switchBack, "initiator")).isEqualTo(OPERATOR);
        runJobs(switchBack);
        decide(switchBack, "userTask_approveSwitchover", vars("switchoverDecision", "approve"));
        runJobs(run);

        assertThat(variable(run, "outcome")).isEqualTo("completed; switch back to the original roles: completed");
        assertThat(pair.commands.subList(5, pair.commands.size())).containsExactly(
                "dr2: endmqm -w QMDR", "dr2: rdqmdr -m QMDR -s", "dr1: rdqmdr -m QMDR -p", "dr1: strmqm QMDR");
        assertThat(pair.nodes.get("dr1").primary).isTrue();
        assertThat(pair.nodes.get("dr1").running).isTrue();
    }

    @Test
    void replacesALostSecondaryWithoutPromotionOrSwitchBack() {
        pair.nodes.get("dr2").exists = false;
        pair.syncPollsAfterCreate = 0;

        ProcessInstance run = startReplacement("dr2");
        decide(run, "userTask_approveReplacement", vars("replacementDecision", "approve"));

        assertThat(variable(run, "outcome")).isEqualTo("completed");
        assertThat(endEvent(run)).isEqualTo("endEvent_replaced");
        assertThat(pair.commands).containsExactly("dr1: rdqmdr -m QMDR -d",
                "dr2: crtmqm -rr s -rl 127.0.2.15 -ri 127.0.2.14 -rn dr1 -rp 7001 QMDR");
        assertThat(((String) variable(run, "runLog")).lines().limit(2)).containsExactly(
                "dr1: already the DR primary of QMDR: rdqmdr -p not needed",
                "dr1: QMDR is Running: strmqm not needed");
    }

    @Test
    void keepingTheRolesEndsWithoutASwitchBack() {
        primaryLostWithStaleQueueManager();
        ProcessInstance run = startReplacement("dr1");
        decide(run, "userTask_approveReplacement", vars("replacementDecision", "approve"));
        decide(run, "userTask_approveStaleDelete", vars("staleDeleteDecision", "approve"));
        decide(run, "userTask_approveRestoreRoles", vars("restoreRolesDecision", "keep"));

        assertThat(variable(run, "outcome")).isEqualTo("completed");
        assertThat(endEvent(run)).isEqualTo("endEvent_rolesKept");
        assertThat(pair.nodes.get("dr2").primary).isTrue();
    }

    @Test
    void aPromotedSecondaryRevertingToItsSnapshotIsStartedOnlyOnceTheRevertIsOver() {
        primaryLostWithStaleQueueManager();
        ProcessInstance run = startReplacement("dr1");
        decide(run, "userTask_approveReplacement", vars("replacementDecision", "approve"));
        pair.revertingReads.put("dr2", 1);
        decide(run, "userTask_approveStaleDelete", vars("staleDeleteDecision", "approve"));

        assertThat(pair.commands).containsExactly("dr1: dltmqm QMDR", "dr2: rdqmdr -m QMDR -p");
        assertThat(variable(run, "revertingToSnapshot")).as("%s", variable(run, "runLog")).isEqualTo(true);
        fireTimer(run);

        assertThat(variable(run, "revertingToSnapshot")).isEqualTo(false);
        assertThat(pair.commands).startsWith("dr1: dltmqm QMDR", "dr2: rdqmdr -m QMDR -p", "dr2: strmqm QMDR");
        decide(run, "userTask_approveRestoreRoles", vars("restoreRolesDecision", "keep"));
        assertThat(endEvent(run)).isEqualTo("endEvent_rolesKept");
    }

    @Test
    void keepingTheStaleQueueManagerEndsTheRunBeforeAnyChange() {
        primaryLostWithStaleQueueManager();
        ProcessInstance run = startReplacement("dr1");
        decide(run, "userTask_approveReplacement", vars("replacementDecision", "approve"));
        decide(run, "userTask_approveStaleDelete", vars("staleDeleteDecision", "reject"));

        assertThat(variable(run, "outcome")).isEqualTo("rejected: the stale queue manager on the replacement was not"
                + " deleted");
        assertThat(pair.commands).isEmpty();
    }

    @Test
    void rejectedReplacementChangesNothing() {
        primaryLostWithStaleQueueManager();
        ProcessInstance run = startReplacement("dr1");
        decide(run, "userTask_approveReplacement", vars("replacementDecision", "reject"));

        assertThat(variable(run, "outcome")).isEqualTo("rejected");
        assertThat(pair.commands).isEmpty();
    }

    @Test
    void theSynchronizationTimeLimitAsksToKeepWaitingOrAbort() {
        pair.nodes.get("dr2").exists = false;
        pair.syncPollsAfterCreate = 10;

        ProcessInstance run = startReplacement("dr2");
        runtime.setVariable(run.getId(), "syncPollLimit", 2);
        decide(run, "userTask_approveReplacement", vars("replacementDecision", "approve"));
        fireTimer(run);

        assertThat(task(run).getTaskDefinitionKey()).isEqualTo("userTask_decideSyncWait");
        assertThat((String) variable(run, "syncSummary")).startsWith("Poll 2 of 2 (every 30 seconds): Synchronization"
                + " 9.1% done, estimated completion 2026-11-21 07:30:00\n");
        decide(run, "userTask_decideSyncWait", vars("syncWaitDecision", "keep"));
        assertThat(variable(run, "syncPolls")).isEqualTo(0L);
        fireTimer(run);
        fireTimer(run);
        decide(run, "userTask_decideSyncWait", vars("syncWaitDecision", "abort"));

        assertThat(variable(run, "outcome")).isEqualTo("aborted: the change manager stopped waiting for the"
                + " synchronization at: Synchronization 27.3% done, estimated completion 2026-11-21 07:30:00");
    }

    @Test
    void aNodeOutsideThePairIsRefused() {
        ProcessInstance run = startReplacement("dr3");

        assertThat(variable(run, "outcome")).isEqualTo("aborted: Node 'dr3' is not a node of QMDR (its nodes are dr1"
                + " and dr2)");
    }

    @Test
    void anUnreachableReplacementIsRefusedWithWhatToDo() {
        pair.unreachable.add("dr2");
        ProcessInstance run = startReplacement("dr2");

        assertThat(variable(run, "refusalCode")).isEqualTo("REPLACEMENT_UNREACHABLE");
        assertThat(variable(run, "outcome")).isEqualTo("aborted: Node replacement refused: the replacement node dr2"
                + " (127.0.0.1:22102) cannot be reached (dr2 (127.0.0.1:22101): connection refused). Install it with"
                + " the lost node's name dr2 and replication address 127.0.2.15, then start this runbook again");
    }

    @Test
    void aSecondaryCommandThatDisagreesWithTheInventoryIsNeverRun() {
        pair.nodes.get("dr2").exists = false;
        pair.printedCommand = new DrSecondaryCommand("QMDR", "10.9.9.9", "127.0.2.14", "dr1", 7001, null);

        ProcessInstance run = startReplacement("dr2");
        decide(run, "userTask_approveReplacement", vars("replacementDecision", "approve"));
        Incident incident = exhaustRetries(run);

        assertThat(incident.getActivityId()).isEqualTo("serviceTask_readSecondaryCommand");
        assertThat(incident.getIncidentMessage()).isEqualTo("rdqmdr -m QMDR -d gave 'crtmqm -rr s -rl 10.9.9.9 -ri"
                + " 127.0.2.14 -rn dr1 -rp 7001 QMDR', which does not match the inventory: -rl (replication address of"
                + " dr2) is '10.9.9.9', the inventory says '127.0.2.15';");
        assertThat(pair.commands).noneMatch(c -> c.contains("crtmqm"));
    }
}

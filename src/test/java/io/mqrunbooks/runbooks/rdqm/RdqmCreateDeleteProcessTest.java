package io.mqrunbooks.runbooks.rdqm;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqrunbooks.adapter.inbound.camunda.rdqm.RdqmVariables;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@Deployment(resources = {"processes/rdqmCreateProcess.bpmn", "processes/rdqmDeleteProcess.bpmn",
        "forms/rdqmCreateStart.form", "forms/rdqmCreateApprove.form", "forms/rdqmSyncWaitDecide.form",
        "forms/rdqmDeleteStart.form", "forms/rdqmDeleteApprove.form"})
class RdqmCreateDeleteProcessTest extends RunbookEngineTest {

    private static final int SHORT_POLL_LIMIT = 3;

    private FakeDrPair pair;

    @BeforeEach
    void fakePair() {
        pair = new FakeDrPair(lab.control);
    }

    private ProcessInstance run(String key) {
        ProcessInstance run = start(key, vars("queueManager", "QMDR", "reason", "CHG-50"));
        runJobs(run);
        return run;
    }

    @Test
    void deletesOnBothNodesInTheSeedsOrder() {
        ProcessInstance run = run("rdqmDeleteProcess");
        assertThat(variable(run, "deleteSummary")).isEqualTo("Queue manager QMDR\ndr1: Running\ndr2: Ended immediately\n"
                + "Plan: endmqm -w QMDR where it runs, then dltmqm QMDR on dr1 and dr2. The queue manager, its messages"
                + " and its DR configuration are destroyed on both nodes.");
        decide(run, "userTask_approveDelete", vars("deleteDecision", "approve"));

        assertThat(variable(run, "outcome")).isEqualTo("completed");
        assertThat(pair.commands).containsExactly("dr1: endmqm -w QMDR", "dr1: dltmqm QMDR", "dr2: dltmqm QMDR");
        assertThat(variable(run, "deleteConfirmation")).isEqualTo("dr1: dspmq does not show QMDR; dr2: dspmq does not"
                + " show QMDR");
    }

    @Test
    void deletionRejectedOrNothingToDelete() {
        ProcessInstance rejected = run("rdqmDeleteProcess");
        decide(rejected, "userTask_approveDelete", vars("deleteDecision", "reject"));
        assertThat(variable(rejected, "outcome")).isEqualTo("rejected");
        assertThat(pair.commands).isEmpty();

        pair.nodes.values().forEach(n -> n.exists = false);
        ProcessInstance nothing = run("rdqmDeleteProcess");
        assertThat(variable(nothing, "outcome")).isEqualTo("aborted: Nothing to delete: QMDR exists on neither dr1 nor"
                + " dr2");
    }

    @Test
    void createsThePairFromTheInventoryAndStartsItOnceSynchronized() {
        pair.nodes.values().forEach(n -> {
            n.exists = false;
            n.primary = false;
            n.running = false;
        });
        pair.syncPollsAfterCreate = 1;

        ProcessInstance run = run("rdqmCreateProcess");
        assertThat((String) variable(run, "createSummary")).contains("From the inventory: asynchronous replication on"
                + " port 7001, dr1 replicates from 127.0.2.14, dr2 from 127.0.2.15, listener port 1502.");
        decide(run, "userTask_approveCreate", vars("createDecision", "approve"));
        assertThat(pair.nodes.get("dr1").running).as("not started before the synchronization").isFalse();
        fireTimer(run);

        assertThat(variable(run, "outcome")).isEqualTo("completed");
        assertThat(pair.commands).containsExactly(
                "dr1: crtmqm -rr p -rt a -rl 127.0.2.14 -ri 127.0.2.15 -rn dr2 -rp 7001 -p 1502 QMDR",
                "dr2: crtmqm -rr s -rl 127.0.2.15 -ri 127.0.2.14 -rn dr1 -rp 7001 QMDR",
                "dr1: strmqm QMDR");
        assertThat(variable(run, "drSecondaryCommandLine")).isEqualTo(
                "crtmqm -rr s -rl 127.0.2.15 -ri 127.0.2.14 -rn dr1 -rp 7001 QMDR");
    }

    @Test
    void creationIsRefusedWhenTheQueueManagerExists() {
        ProcessInstance run = run("rdqmCreateProcess");

        assertThat(variable(run, "outcome")).isEqualTo("aborted: Creation refused: QMDR already exists on dr1"
                + " (Running). Delete the pair first, or use the node replacement runbook to rebuild one node");
    }

    @Test
    void creationRejected() {
        pair.nodes.values().forEach(n -> n.exists = false);
        ProcessInstance run = run("rdqmCreateProcess");
        decide(run, "userTask_approveCreate", vars("createDecision", "reject"));

        assertThat(variable(run, "outcome")).isEqualTo("rejected");
        assertThat(pair.commands).isEmpty();
    }

    private ProcessInstance createApprovedAndNotYetSynchronized(int pollsBeforeNormal) {
        pair.nodes.values().forEach(n -> {
            n.exists = false;
            n.primary = false;
            n.running = false;
        });
        pair.syncPollsAfterCreate = pollsBeforeNormal;
        ProcessInstance run = run("rdqmCreateProcess");
        decide(run, "userTask_approveCreate", vars("createDecision", "approve"));
        return run;
    }

    /** The first poll ran with the approval; the limit is cut from an hour of polls to three to keep the test short. */
    private void pollUntilTheDecisionIsAsked(ProcessInstance run) {
        runtime.setVariable(run.getId(), RdqmVariables.SYNC_POLL_LIMIT.name(), SHORT_POLL_LIMIT);
        for (int poll = 2; poll <= SHORT_POLL_LIMIT; poll++) {
            fireTimer(run);
        }
        assertThat(task(run).getTaskDefinitionKey()).isEqualTo("userTask_decideSyncWait");
        assertThat((String) variable(run, "syncSummary")).startsWith("Poll 3 of 3 (every 30 seconds): ");
        assertThat(pair.nodes.get("dr1").running).as("not started before the synchronization").isFalse();
    }

    @Test
    void aSynchronizationPastItsTimeLimitAsksWhetherToKeepWaitingAndThenStarts() {
        ProcessInstance run = createApprovedAndNotYetSynchronized(SHORT_POLL_LIMIT);
        pollUntilTheDecisionIsAsked(run);

        decide(run, "userTask_decideSyncWait", vars("syncWaitDecision", "keep"));
        fireTimer(run);

        assertThat(variable(run, "outcome")).isEqualTo("completed");
        assertThat(pair.commands).endsWith("dr1: strmqm QMDR");
    }

    @Test
    void aSynchronizationPastItsTimeLimitCanBeAbandonedWithoutStartingTheQueueManager() {
        ProcessInstance run = createApprovedAndNotYetSynchronized(SHORT_POLL_LIMIT);
        pollUntilTheDecisionIsAsked(run);

        decide(run, "userTask_decideSyncWait", vars("syncWaitDecision", "abort"));

        assertThat(endEvent(run)).isEqualTo("endEvent_syncAborted");
        assertThat(pair.commands).noneMatch(command -> command.contains("strmqm"));
        assertThat(pair.nodes.get("dr1").running).isFalse();
    }

    @Test
    void rolesThatRdqmstatusDoesNotConfirmEndTheCreationWithWhatItShows() {
        ProcessInstance run = createApprovedAndNotYetSynchronized(1);
        pair.nodes.get("dr2").primary = true; // someone ran rdqmdr -p on dr2 by hand meanwhile
        fireTimer(run);

        assertThat(endEvent(run)).isEqualTo("endEvent_notConfirmed");
        assertThat((String) variable(run, "outcome")).startsWith("aborted: The new roles are not confirmed: expected dr1"
                + " as the running DR primary and dr2 as the DR secondary, rdqmstatus shows ");
    }
}

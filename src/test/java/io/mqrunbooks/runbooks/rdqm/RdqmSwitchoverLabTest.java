package io.mqrunbooks.runbooks.rdqm;

import io.mqrunbooks.mq.QmStatus;
import static org.assertj.core.api.Assertions.assertThat;

import io.mqrunbooks.lab.mq.DrRole;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

/** Seed 004 "Test the DR Secondary" and "Make the Primary instance the Primary again", against the lab. */
class RdqmSwitchoverLabTest extends RunbookLabTest {

    @Test
    void switchesOverAndBackInTheSeedsOrderWithoutLosingMessages() {
        labMq.putMessages("dr1", "QMDR", "APP.IN", 5, true);

        ProcessInstance over = start("rdqmSwitchoverProcess", "queueManager", "QMDR", "reason", "CHG-7 DR test");
        decide(over.getId(), "userTask_approveSwitchover", "switchoverDecision", "approve");
        awaitEnd(over);

        assertThat(outcome(over)).isEqualTo("completed");
        assertThat(labMq.drRole("dr2", "QMDR")).contains(DrRole.PRIMARY);
        assertThat(labMq.drRole("dr1", "QMDR")).contains(DrRole.SECONDARY);
        assertThat(labMq.queueManagerState("dr2", "QMDR")).contains(QmStatus.RUNNING);
        assertThat(labMq.queueDepth("dr2", "QMDR", "APP.IN")).isEqualTo(5);
        assertThat(sideEffects()).containsExactly(
                "dr1: endmqm -w QMDR",
                "dr1: rdqmdr -m QMDR -s",
                "dr2: rdqmdr -m QMDR -p",
                "dr2: strmqm QMDR");
        assertThat(commands()).endsWith("dr2: rdqmstatus -m QMDR", "dr1: rdqmstatus -m QMDR");

        labJournal.clear();
        ProcessInstance back = start("rdqmSwitchoverProcess", "queueManager", "QMDR", "reason", "CHG-7 restore");
        decide(back.getId(), "userTask_approveSwitchover", "switchoverDecision", "approve");
        awaitEnd(back);

        assertThat(outcome(back)).isEqualTo("completed");
        assertThat(variable(back.getId(), "oldPrimaryNode")).isEqualTo("dr2");
        assertThat(labMq.drRole("dr1", "QMDR")).contains(DrRole.PRIMARY);
        assertThat(labMq.drRole("dr2", "QMDR")).contains(DrRole.SECONDARY);
        assertThat(labMq.queueManagerState("dr1", "QMDR")).contains(QmStatus.RUNNING);
        assertThat(labMq.queueDepth("dr1", "QMDR", "APP.IN")).isEqualTo(5);
        assertThat(sideEffects()).containsExactly(
                "dr2: endmqm -w QMDR",
                "dr2: rdqmdr -m QMDR -s",
                "dr1: rdqmdr -m QMDR -p",
                "dr1: strmqm QMDR");
    }

    @Test
    void refusedWhileSynchronizationIsInProgress() {
        defineQ1dr("dr1");
        labMq.cutReplicationLink("QMDR");
        // 300 000 persistent messages of 4 KB: about two minutes of synchronization at the lab's 10 MB/s.
        assertThat(labMq.putMessages("dr1", "QMDR", "Q1DR", 300_000, true)).isEqualTo(300_000);
        labMq.restoreReplicationLink("QMDR");

        ProcessInstance run = start("rdqmSwitchoverProcess", "queueManager", "QMDR", "reason", "CHG-8");
        awaitEnd(run);

        assertThat(variable(run.getId(), "refusalCode")).isEqualTo("SYNCHRONIZATION_IN_PROGRESS");
        assertThat(outcome(run)).startsWith("aborted: Switchover refused: synchronization in progress on dr1 (")
                .containsPattern("\\(\\d+\\.\\d% done, estimated completion \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,"
                        + " \\d+KB \\(\\d+ bytes\\) still out of sync\\)")
                .endsWith("A planned switchover never loses data: it waits until both nodes show DR status: Normal."
                        + " Start it again when the synchronization has completed");
        assertThat(sideEffects()).isEmpty();
        assertThat(commands()).containsExactly("dr1: rdqmstatus -m QMDR", "dr2: rdqmstatus -m QMDR");
        assertThat(labMq.drRole("dr1", "QMDR")).contains(DrRole.PRIMARY);
        assertThat(labMq.queueManagerState("dr1", "QMDR")).contains(QmStatus.RUNNING);
    }
}

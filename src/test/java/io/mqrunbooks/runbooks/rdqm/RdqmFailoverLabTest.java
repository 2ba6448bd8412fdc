package io.mqrunbooks.runbooks.rdqm;

import io.mqrunbooks.mq.QmStatus;
import static org.assertj.core.api.Assertions.assertThat;

import io.mqrunbooks.lab.mq.DrRole;
import java.time.Duration;
import java.time.Instant;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

/** Seed 004 "Reverting to a snapshot" and the loss of the primary node, against the lab. */
class RdqmFailoverLabTest extends RunbookLabTest {

    @Test
    void aLinkCutDuringSynchronizationMakesTheFailoverRevertToTheSnapshot() {
        defineQ1dr("dr1");
        labMq.putMessages("dr1", "QMDR", "Q1DR", 10, true);
        labMq.cutReplicationLink("QMDR");
        labMq.putMessages("dr1", "QMDR", "Q1DR", 300_000, true);
        labMq.restoreReplicationLink("QMDR");
        labMq.cutReplicationLink("QMDR");
        labFaults.hostDown("dr1");
        labMq.failHost("dr1");

        ProcessInstance run = start("rdqmFailoverProcess", "queueManager", "QMDR", "reason", "INC-17 dr1 lost");
        awaitTask(run.getId(), "userTask_approveFailover");

        assertThat(variable(run.getId(), "dataLossOnPromotion")).isEqualTo(true);
        assertThat((String) variable(run.getId(), "dataLossWarning")).startsWith("DATA LOSS: dr2 shows DR status:"
                        + " Inconsistent: the replication link failed while a synchronization was in progress.")
                .contains("every update made on the primary since then is lost",
                        "the secondary's data (the snapshot) uses ");
        assertThat((String) variable(run.getId(), "failoverSummary")).contains("Primary node dr1 cannot be reached: ");
        decide(run.getId(), "userTask_approveFailover", "failoverDecision", "approve");

        // The promoted node reverts to its snapshot (2 s in the tests' lab, AppTestSupport): the run polls it on its
        // timer, and before each poll the lab's time moves on 2 s.
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (!historyEnded(run)) {
            if (waitsOnTimer(run.getId())) {
                assertThat(labMq.queueManagerState("dr2", "QMDR")).isNotEqualTo(java.util.Optional.of(QmStatus.RUNNING));
                labTime.advance(Duration.ofSeconds(2));
                fireTimer(run.getId());
            }
            assertThat(Instant.now()).as("the failover ends within 90 s").isBefore(deadline);
            sleep(200);
        }

        assertThat(outcome(run)).isEqualTo("completed");
        assertThat(variable(run.getId(), "revertedToSnapshot")).as("rdqmdr -p showed Reverting to snapshot").isEqualTo(true);
        assertThat((Integer) variable(run.getId(), "revertPolls")).isGreaterThanOrEqualTo(1);
        assertThat((String) variable(run.getId(), "dataLossRecord")).startsWith("Reverted to the snapshot: the updates"
                + " made on the old primary since the first link failure are lost; 'DR out of sync data' on the new"
                + " primary: ");
        assertThat(labMq.drRole("dr2", "QMDR")).contains(DrRole.PRIMARY);
        assertThat(labMq.queueManagerState("dr2", "QMDR")).contains(QmStatus.RUNNING);
        assertThat(labMq.queueDepth("dr2", "QMDR", "Q1DR")).as("only the messages from before the first cut").isEqualTo(10);
        assertThat(sideEffects()).containsExactly("dr2: rdqmdr -m QMDR -p", "dr2: strmqm QMDR");
        assertThat(commands()).noneMatch(c -> c.startsWith("dr1:"));
    }

    @Test
    void aConsistentSecondaryIsPromotedWithEveryReplicatedMessage() {
        labMq.putMessages("dr1", "QMDR", "APP.IN", 7, true);
        labFaults.hostDown("dr1");
        labMq.failHost("dr1");

        ProcessInstance run = start("rdqmFailoverProcess", "queueManager", "QMDR", "reason", "INC-18 dr1 lost");
        awaitTask(run.getId(), "userTask_approveFailover");
        assertThat((String) variable(run.getId(), "dataLossWarning")).startsWith("Possible loss: asynchronous"
                + " replication.");
        decide(run.getId(), "userTask_approveFailover", "failoverDecision", "approve");
        awaitEnd(run);

        assertThat(outcome(run)).isEqualTo("completed");
        assertThat(variable(run.getId(), "revertedToSnapshot")).isNull();
        assertThat(labMq.queueManagerState("dr2", "QMDR")).contains(QmStatus.RUNNING);
        assertThat(labMq.queueDepth("dr2", "QMDR", "APP.IN")).isEqualTo(7);
        assertThat(sideEffects()).containsExactly("dr2: rdqmdr -m QMDR -p", "dr2: strmqm QMDR");
    }

    @Test
    void refusedWhileThePrimaryAnswers() {
        ProcessInstance run = start("rdqmFailoverProcess", "queueManager", "QMDR", "reason", "INC-19");
        awaitEnd(run);

        assertThat(variable(run.getId(), "refusalCode")).isEqualTo("PRIMARY_REACHABLE");
        assertThat(sideEffects()).isEmpty();
        assertThat(labMq.queueManagerState("dr1", "QMDR")).contains(QmStatus.RUNNING);
    }

    private boolean historyEnded(ProcessInstance run) {
        return historyService.createHistoricProcessInstanceQuery().processInstanceId(run.getId()).singleResult()
                .getEndTime() != null;
    }
}

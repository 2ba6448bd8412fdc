package io.mqrunbooks.runbooks.rdqm;

import io.mqrunbooks.mq.QmStatus;
import static org.assertj.core.api.Assertions.assertThat;

import io.mqrunbooks.lab.mq.DrRole;
import java.time.Duration;
import java.time.Instant;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

/** Seed 004 "Delete a DR RDQM" then "Create the DR RDQM", against the lab. */
class RdqmCreateDeleteLabTest extends RunbookLabTest {

    @Test
    void deletesThePairThenCreatesItAgainFromTheInventory() {
        ProcessInstance delete = start("rdqmDeleteProcess", "queueManager", "QMDR", "reason", "CHG-60");
        decide(delete.getId(), "userTask_approveDelete", "deleteDecision", "approve");
        awaitEnd(delete);

        assertThat(outcome(delete)).isEqualTo("completed");
        assertThat(labMq.queueManagersOn("dr1")).doesNotContain("QMDR");
        assertThat(labMq.queueManagersOn("dr2")).doesNotContain("QMDR");
        assertThat(sideEffects()).containsExactly("dr1: endmqm -w QMDR", "dr1: dltmqm QMDR", "dr2: dltmqm QMDR");

        labJournal.clear();
        ProcessInstance create = start("rdqmCreateProcess", "queueManager", "QMDR", "reason", "CHG-61");
        decide(create.getId(), "userTask_approveCreate", "createDecision", "approve");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (historyService.createHistoricProcessInstanceQuery().processInstanceId(create.getId()).singleResult()
                .getEndTime() == null) {
            assertThat(Instant.now()).as("created within 90 s").isBefore(deadline);
            if (waitsOnTimer(create.getId())) {
                assertThat(labMq.queueManagerState("dr1", "QMDR")).as("not started while synchronizing")
                        .isNotEqualTo(java.util.Optional.of(QmStatus.RUNNING));
                labTime.advance(Duration.ofSeconds(1));
                fireTimer(create.getId());
            }
            sleep(200);
        }

        assertThat(outcome(create)).isEqualTo("completed");
        assertThat(labMq.drRole("dr1", "QMDR")).contains(DrRole.PRIMARY);
        assertThat(labMq.queueManagerState("dr1", "QMDR")).contains(QmStatus.RUNNING);
        assertThat(labMq.drRole("dr2", "QMDR")).contains(DrRole.SECONDARY);
        assertThat(sideEffects()).containsExactly(
                "dr1: crtmqm -rr p -rt a -rl 127.0.2.14 -ri 127.0.2.15 -rn dr2 -rp 7001 -p 1502 QMDR",
                "dr2: crtmqm -rr s -rl 127.0.2.15 -ri 127.0.2.14 -rn dr1 -rp 7001 QMDR",
                "dr1: strmqm QMDR");
    }
}

package io.mqrunbooks.runbooks.multiinstance;

import io.mqrunbooks.mq.QmStatus;
import static org.assertj.core.api.Assertions.assertThat;

import io.mqrunbooks.runbooks.rdqm.RunbookLabTest;
import java.util.List;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

/** Seed 003 switchover of the multi-instance queue manager MIQM (active on mi1, standby on mi2), against the lab. */
class MultiInstanceSwitchoverLabTest extends RunbookLabTest {

    @Test
    void theStandbyTakesOverAfterEndmqmDashS() {
        ProcessInstance run = start("multiInstanceSwitchoverProcess", "queueManager", "MIQM", "endMode", "immediate",
                "reason", "CHG-3 patch mi1");
        awaitTask(run.getId(), "userTask_approveSwitchover");
        assertThat((String) variable(run.getId(), "instancesSummary")).contains(
                "dspmq -x on mi1: Running, INSTANCE(mi1) MODE(Active), INSTANCE(mi2) MODE(Standby)",
                "Plan: on mi1 endmqm -i -s MIQM; the standby on mi2 takes over");
        decide(run.getId(), "userTask_approveSwitchover", "switchoverDecision", "approve");
        awaitEnd(run);

        assertThat(outcome(run)).isEqualTo("completed");
        assertThat(labMq.queueManagerState("mi2", "MIQM")).contains(QmStatus.RUNNING);
        assertThat(labMq.queueManagerState("mi1", "MIQM")).contains(QmStatus.RUNNING_ELSEWHERE);
        assertThat(sideEffects()).containsExactly("mi1: endmqm -i -s MIQM");
        assertThat(commands()).containsExactly("mi1: dspmq -m MIQM -o status -x -n", "mi2: dspmq -m MIQM -o status -x -n",
                "mi1: dspmqver", "mi2: dspmqver", // the version pre-flight before the gate
                "mi1: dspmq -m MIQM -o status -x -n", "mi1: endmqm -i -s MIQM", "mi2: dspmq -m MIQM -o status -x -n");
    }

    @Test
    void withoutARunningStandbyTheRunStopsAndNothingEnds() {
        var ended = labMq.execute("mi2", "mqm", List.of("endmqm", "-x", "MIQM"), "");
        assertThat(ended.exitCode()).isZero();

        ProcessInstance run = start("multiInstanceSwitchoverProcess", "queueManager", "MIQM", "endMode", "controlled",
                "reason", "CHG-4");
        awaitEnd(run);

        assertThat(outcome(run)).startsWith("aborted: Switchover refused: no standby instance of MIQM is running."
                + " endmqm -s does not start a standby instance (it only releases the lock), so the queue manager would"
                + " simply end. Start the standby first with strmqm -x MIQM on mi2.");
        assertThat(sideEffects()).isEmpty();
        assertThat(labMq.queueManagerState("mi1", "MIQM")).contains(QmStatus.RUNNING);
    }
}

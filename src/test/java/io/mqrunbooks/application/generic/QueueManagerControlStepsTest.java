package io.mqrunbooks.application.generic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.mqrunbooks.application.generic.QueueManagerControlSteps.ControlCommand;
import io.mqrunbooks.application.generic.QueueManagerControlSteps.QueueManagerWanted;
import io.mqrunbooks.application.port.out.MqControlPort;
import io.mqrunbooks.mq.UnsafeArgumentException;
import io.mqrunbooks.application.port.out.control.EndMode;
import io.mqrunbooks.mq.QueueManagerState;
import io.mqrunbooks.mq.ControlOutcome;
import io.mqrunbooks.mq.ControlResult;
import io.mqrunbooks.mq.MqVersion;
import io.mqrunbooks.mq.QmStatus;
import io.mqrunbooks.testsupport.RunbookTestEngine;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a generic control step sends, and what it refuses to send, for each state dspmq reports. */
class QueueManagerControlStepsTest {

    private final MqControlPort control = mock(MqControlPort.class);
    private final QueueManagerControlSteps steps = new QueueManagerControlSteps(RunbookTestEngine.labEstate(), control);

    private void dspmq(String host, String qm, QmStatus... statuses) {
        var stub = when(control.status(host, qm)).thenReturn(new QueueManagerState(host, qm, statuses[0], List.of()));
        for (int i = 1; i < statuses.length; i++) {
            stub = stub.thenReturn(new QueueManagerState(host, qm, statuses[i], List.of()));
        }
    }

    @Test
    void theModelNamesACommandExactlyAsTheTemplateOffersIt() {
        assertThat(ControlCommand.of(" endmqm -i ")).isEqualTo(ControlCommand.ENDMQM_IMMEDIATE);
        assertThatThrownBy(() -> ControlCommand.of("endmqm -p")).isInstanceOf(UnsafeArgumentException.class)
                .hasMessage("control command 'endmqm -p' is not one a generic step runs; it takes dspmq, dspmqver,"
                        + " strmqm, endmqm -c, endmqm -i");
        assertThatThrownBy(() -> ControlCommand.of("strmqm QM1; rm -rf /")).isInstanceOf(UnsafeArgumentException.class);
        assertThatThrownBy(() -> QueueManagerWanted.of("running")).hasMessage("queue manager state 'running' is not"
                + " one a generic wait knows; it takes RUNNING or ENDED");
    }

    @Test
    void endmqmImmediateEscalatesAQuiescingQueueManagerButEndmqmControlledIsNotSentTwice() {
        dspmq("mqeast2", "QM2", QmStatus.QUIESCING);
        when(control.end("mqeast2", "QM2", EndMode.IMMEDIATE, false)).thenReturn(new ControlResult(ControlOutcome.ENDED,
                List.of("IBM MQ queue manager 'QM2' ended."), 0));

        assertThat(steps.run("QM2", ControlCommand.ENDMQM_CONTROLLED)).containsExactly(
                "QM2 on mqeast2: endmqm -c: not sent, it is already Quiescing");
        assertThat(steps.run("QM2", ControlCommand.ENDMQM_IMMEDIATE)).containsExactly(
                "QM2 on mqeast2: endmqm -i: IBM MQ queue manager 'QM2' ended. (it was Quiescing)");
        verify(control, never()).end("mqeast2", "QM2", EndMode.CONTROLLED, false);
    }

    @Test
    void strmqmWaitsForAQueueManagerStillEndingAndRefusesOneTheHostDoesNotKnow() {
        dspmq("mqeast2", "QM2", QmStatus.ENDING_IMMEDIATELY, QmStatus.NOT_KNOWN);

        assertThatThrownBy(() -> steps.run("QM2", ControlCommand.STRMQM)).isInstanceOf(IllegalStateException.class)
                .hasMessage("QM2 on mqeast2 is Ending immediately; strmqm is sent once it has ended (retry the step"
                        + " then). Nothing was sent");
        assertThatThrownBy(() -> steps.run("QM2", ControlCommand.STRMQM)).hasMessage("dspmq on mqeast2 does not know"
                + " QM2 (AMQ7048E), though the inventory places it there. Nothing was sent");
        verify(control, never()).start(anyString(), anyString());
    }

    @Test
    void anAnswerOtherThanStartedIsAnIncidentWithMqsOwnWords() {
        dspmq("mqeast2", "QM2", QmStatus.ENDED_UNEXPECTEDLY);
        when(control.start("mqeast2", "QM2")).thenReturn(new ControlResult(ControlOutcome.REFUSED,
                List.of("AMQ7017E: Log not available."), 72));

        assertThatThrownBy(() -> steps.run("QM2", ControlCommand.STRMQM)).hasMessage("mqeast2: strmqm QM2 was refused"
                + " (REFUSED, exit code 72): AMQ7017E: Log not available.");
    }

    @Test
    void strmqmAndEndmqmActOnSingleQueueManagersOnlyWhileDspmqReadsEveryInstance() {
        assertThatThrownBy(() -> steps.run("MIQM", ControlCommand.ENDMQM_CONTROLLED)).hasMessage("Queue manager 'MIQM'"
                + " is multi-instance in the inventory: a generic endmqm -c step acts on a single queue manager only"
                + " (its instances move with their own runbooks: multi-instance switchover, RDQM, Native HA). Nothing"
                + " was sent");
        verify(control, never()).end(anyString(), anyString(), any(), anyBoolean());

        dspmq("mi1", "MIQM", QmStatus.RUNNING);
        dspmq("mi2", "MIQM", QmStatus.RUNNING_AS_STANDBY);
        when(control.version("mi1")).thenReturn(MqVersion.parse("9.4.0.10"));
        when(control.version("mi2")).thenReturn(MqVersion.parse("9.4.0.10"));
        assertThat(steps.run("MIQM", ControlCommand.DSPMQ)).containsExactly("MIQM on mi1: dspmq: STATUS(Running)",
                "MIQM on mi2: dspmq: STATUS(Running as standby)");
        assertThat(steps.run("MIQM", ControlCommand.DSPMQVER)).containsExactly("MIQM on mi1: dspmqver: Version: 9.4.0.10",
                "MIQM on mi2: dspmqver: Version: 9.4.0.10");
    }

    @Test
    void aWaitForRunningNeedsOneRunningInstanceAndAWaitForEndedNeedsEveryHostEnded() {
        dspmq("mi1", "MIQM", QmStatus.RUNNING, QmStatus.ENDED_NORMALLY);
        dspmq("mi2", "MIQM", QmStatus.RUNNING_AS_STANDBY, QmStatus.RUNNING_AS_STANDBY);

        WaitPoll running = steps.check("MIQM", QueueManagerWanted.RUNNING);
        assertThat(running.reached()).isTrue();
        assertThat(running.summary()).isEqualTo("MIQM: mi1 STATUS(Running), mi2 STATUS(Running as standby)");
        WaitPoll ended = steps.check("MIQM", QueueManagerWanted.ENDED);
        assertThat(ended.reached()).as("the standby still holds the queue manager's data").isFalse();
        assertThat(ended.summary()).isEqualTo("MIQM: mi1 STATUS(Ended normally), mi2 STATUS(Running as standby)");
    }
}

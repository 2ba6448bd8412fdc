package io.mqrunbooks.adapter.inbound.camunda.generic;

import io.mqrunbooks.application.port.out.mq.ObjectCommand;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.mqrunbooks.application.dractivation.MessageFlowProof;
import io.mqrunbooks.application.generic.GenericSteps;
import io.mqrunbooks.application.generic.QueueManagerControlSteps;
import io.mqrunbooks.application.port.out.MqAdminPort;
import io.mqrunbooks.application.port.out.MqControlPort;
import io.mqrunbooks.mq.UnsafeArgumentException;
import io.mqrunbooks.platform.run.RunRecord;
import io.mqrunbooks.platform.run.RunScope;
import io.mqrunbooks.platform.run.StepMandate;
import io.mqrunbooks.testsupport.InMemoryRunRecords;
import io.mqrunbooks.testsupport.RunbookTestEngine;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the generic delegates refuse before anything reaches a queue manager. */
class GenericStepDelegatesTest {

    private final InMemoryRunRecords runs = new InMemoryRunRecords();
    private final MqAdminPort admin = mock(MqAdminPort.class);
    private final DelegateExecution execution = mock(DelegateExecution.class);

    @BeforeEach
    void sealedRun() {
        runs.seal(new RunRecord("run-1", "channelRefreshProcess", null, "operator", Instant.now(),
                Map.of("queueManager", "QM1", "channel", "QM1.TO.BANK"),
                new RunScope(Set.of("QM1"), Set.of("mqeast1")), "0123456789abcdef0123"));
        when(execution.getProcessInstanceId()).thenReturn("run-1");
        when(execution.getCurrentActivityId()).thenReturn("serviceTask_stopChannel");
        when(execution.getCurrentActivityName()).thenReturn("Stop the channel");
        // the queue manager a caller might have set as a variable is never read
        when(execution.getVariable("queueManager")).thenReturn("QMDR");
    }

    @Test
    void aChangingCommandWithoutAnApprovingGateIsRefusedBeforeAnythingIsRead() {
        when(execution.getVariableLocal("mqsc")).thenReturn("STOP CHANNEL({channel})");

        assertThatThrownBy(() -> new RunMqscDelegate(runs, new GenericSteps(admin)).execute(execution))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessage("Step 'Stop the channel' (serviceTask_stopChannel) would run STOP CHANNEL(QM1.TO.BANK), which"
                        + " changes the estate, but its process model names no approval gate for it (property"
                        + " approvedBy); nothing was run");
        verifyNoInteractions(admin);
    }

    @Test
    void withTheGatesApprovalItActsOnTheSealedQueueManagerNotOnAVariable() throws Exception {
        when(execution.getVariableLocal("mqsc")).thenReturn("STOP CHANNEL({channel})");
        StepMandate mandate = new StepMandate("run-1", "serviceTask_stopChannel", "Stop the channel",
                new RunScope(Set.of("QM1"), Set.of("mqeast1")), List.of("userTask_approveRefresh"));
        try (AutoCloseable held = StepMandate.enter(mandate)) {
            new RunMqscDelegate(runs, new GenericSteps(admin)).execute(execution);
        }
        verify(admin).channelStatus("QM1", "QM1.TO.BANK");
        verify(admin, never()).channelStatus(eq("QMDR"), anyString());
        // the channel had no status, so the stop was not sent (a retried step never stops twice)
        verify(admin, never()).run(anyString(), eq(ObjectCommand.STOP_CHANNEL), anyString());
    }

    @Test
    void aProcessVariableOfTheInputsNameDoesNotStandInForTheInput() {
        when(execution.getVariable("mqsc")).thenReturn("DISPLAY QMSTATUS");

        assertThatThrownBy(() -> new RunMqscDelegate(runs, new GenericSteps(admin)).execute(execution))
                .hasMessage("Step 'Stop the channel' (serviceTask_stopChannel) has no input parameter 'mqsc' in its"
                        + " process model (element template inputs are set in Camunda Modeler); nothing was run");
        verifyNoInteractions(admin);
    }

    @Test
    void aTestMessageNeedsAnApprovingGateToo() {
        when(execution.getVariableLocal("testQueue")).thenReturn("MQRB.TEST");
        when(execution.getVariableLocal("waitSeconds")).thenReturn("10");

        assertThatThrownBy(() -> new PutAndGetTestMessageDelegate(runs, new MessageFlowProof(admin, Clock.systemUTC()))
                .execute(execution)).hasMessageContaining("would put a test message on MQRB.TEST of QM1, which changes"
                + " the estate, but its process model names no approval gate");
        verifyNoInteractions(admin);
    }

    @Test
    void badWaitInputsAreRefusedNamingThem() {
        when(execution.getVariableLocal("channelName")).thenReturn("{channel}");
        when(execution.getVariableLocal("channelState")).thenReturn("RUNNING");
        when(execution.getVariableLocal("waitLimit")).thenReturn("P2D");
        CheckChannelStateDelegate check = new CheckChannelStateDelegate(runs, new GenericSteps(admin), Clock.systemUTC());

        assertThatThrownBy(() -> check.execute(execution)).isInstanceOf(UnsafeArgumentException.class)
                .hasMessage("waitLimit 'P2D' is not an ISO-8601 duration from PT1S to PT4H (e.g. PT5M)");
        when(execution.getVariableLocal("waitLimit")).thenReturn("PT5M");
        when(execution.getVariableLocal("channelState")).thenReturn("BOUNCING");
        assertThatThrownBy(() -> check.execute(execution)).isInstanceOf(UnsafeArgumentException.class)
                .hasMessage("channel state 'BOUNCING' is not one a generic wait knows; it takes RUNNING or"
                        + " STOPPED_OR_INACTIVE");
        when(execution.getVariableLocal("channelName")).thenReturn("{queueManager}; rm");
        assertThatThrownBy(() -> check.execute(execution)).isInstanceOf(UnsafeArgumentException.class)
                .hasMessage("channel '{QUEUEMANAGER}; RM' has characters IBM MQ does not allow in a name"
                        + " (only A-Z a-z 0-9 . _ / %)");
        verifyNoInteractions(admin);
    }

    @Test
    void strmqmOrEndmqmWithoutAnApprovingGateIsRefusedBeforeDspmqIsRead() {
        MqControlPort control = mock(MqControlPort.class);
        when(execution.getVariableLocal("controlCommand")).thenReturn("endmqm -i");

        assertThatThrownBy(() -> new RunControlCommandDelegate(runs, new QueueManagerControlSteps(
                RunbookTestEngine.labEstate(), control)).execute(execution)).isInstanceOf(ProcessEngineException.class)
                .hasMessage("Step 'Stop the channel' (serviceTask_stopChannel) would run endmqm -i QM1, which changes"
                        + " the estate, but its process model names no approval gate for it (property approvedBy);"
                        + " nothing was run");
        when(execution.getVariableLocal("controlCommand")).thenReturn("dltmqm");
        assertThatThrownBy(() -> new RunControlCommandDelegate(runs, new QueueManagerControlSteps(
                RunbookTestEngine.labEstate(), control)).execute(execution)).isInstanceOf(UnsafeArgumentException.class)
                .hasMessageStartingWith("control command 'dltmqm' is not one a generic step runs");
        verifyNoInteractions(control);
    }

    @Test
    void aQueueManagerWaitRefusesAStateItDoesNotKnow() {
        MqControlPort control = mock(MqControlPort.class);
        when(execution.getVariableLocal("queueManagerState")).thenReturn("STOPPED");
        when(execution.getVariableLocal("waitLimit")).thenReturn("PT5M");

        assertThatThrownBy(() -> new CheckQueueManagerStateDelegate(runs, new QueueManagerControlSteps(
                RunbookTestEngine.labEstate(), control), Clock.systemUTC()).execute(execution))
                .isInstanceOf(UnsafeArgumentException.class).hasMessage("queue manager state 'STOPPED' is not one a"
                        + " generic wait knows; it takes RUNNING or ENDED");
        verifyNoInteractions(control);
    }
}

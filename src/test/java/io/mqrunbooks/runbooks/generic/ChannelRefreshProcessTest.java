package io.mqrunbooks.runbooks.generic;

import io.mqrunbooks.application.port.out.mq.ObjectCommand;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.mqrunbooks.adapter.inbound.camunda.generic.CheckChannelStateDelegate;
import io.mqrunbooks.adapter.inbound.camunda.generic.PutAndGetTestMessageDelegate;
import io.mqrunbooks.adapter.inbound.camunda.generic.RunMqscDelegate;
import io.mqrunbooks.application.dractivation.MessageFlowProof;
import io.mqrunbooks.application.generic.GenericSteps;
import io.mqrunbooks.application.port.out.MqAdminPort;
import io.mqrunbooks.mq.ChannelStatus;
import io.mqrunbooks.evidence.MutableClock;
import io.mqrunbooks.runbooks.rdqm.RunbookEngineTestAccess;
import io.mqrunbooks.testsupport.RunbookTestEngine;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

/** The sample runbook built only from element templates, on the engine with the admin port mocked. */
@Deployment(resources = {"processes/channelRefreshProcess.bpmn", "forms/channelRefreshStart.form",
        "forms/genericApprovalGate.form"})
class ChannelRefreshProcessTest extends RunbookEngineTestAccess {

    private static final String QM = "QM1";
    private static final String CHANNEL = "QM1.TO.BANK";

    private final MqAdminPort admin = mock(MqAdminPort.class);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T04:00:00Z"));
    private final AtomicReference<String> putBody = new AtomicReference<>();

    @BeforeEach
    void registerGenericSteps() {
        GenericSteps steps = new GenericSteps(admin);
        Mocks.register("runMqscDelegate", new RunMqscDelegate(RunbookTestEngine.RECORDS, steps));
        Mocks.register("checkChannelStateDelegate", new CheckChannelStateDelegate(RunbookTestEngine.RECORDS, steps,
                clock));
        Mocks.register("putAndGetTestMessageDelegate", new PutAndGetTestMessageDelegate(RunbookTestEngine.RECORDS,
                new MessageFlowProof(admin, clock)));
        doAnswer(call -> {
            putBody.set(call.getArgument(3));
            return null;
        }).when(admin).putTestMessage(eq(QM), eq("MQRB.TEST"), anyString(), anyString());
        when(admin.getTestMessage(eq(QM), eq("MQRB.TEST"), anyString(), eq(Duration.ofSeconds(10))))
                .thenAnswer(call -> Optional.ofNullable(putBody.get()));
    }

    private static List<ChannelStatus> status(String status) {
        return List.of(new ChannelStatus(CHANNEL, "SDR", "127.0.0.1(1471)", status, "QM1.TO.BANK.XMIT", Map.of()));
    }

    private ProcessInstance startRefresh() {
        ProcessInstance run = start("channelRefreshProcess", vars("queueManager", QM, "channel", CHANNEL,
                "reason", "partner asked for a restart"));
        runJobs(run);
        return run;
    }

    @Test
    void stopsWaitsStartsWaitsAndProvesTheQueueManagerMovesMessages() {
        when(admin.channelStatus(QM, CHANNEL)).thenReturn(
                status("RUNNING"),   // read before the gate
                status("RUNNING"),   // STOP CHANNEL reads first
                status("STOPPING"),  // first poll: not yet
                status("STOPPED"),   // second poll
                status("STOPPED"),   // START CHANNEL reads first
                status("BINDING"),   // first poll: not yet
                status("RUNNING"));  // second poll

        ProcessInstance run = startRefresh();
        assertThat(task(run).getName()).isEqualTo("Approve the refresh of channel QM1.TO.BANK on QM1");
        assertThat(variable(run, "runLog")).isEqualTo("QM1: DISPLAY CHSTATUS(QM1.TO.BANK): STATUS(RUNNING)");
        verify(admin, never()).run(anyString(), eq(ObjectCommand.STOP_CHANNEL), anyString());

        decide(run, "userTask_approveRefresh", vars("approvalDecision", "approve", "approvalComment", "ok"));
        assertThat(variable(run, "channelStateSummary")).isEqualTo("channel QM1.TO.BANK on QM1: STATUS(STOPPING)");
        fireTimer(run);
        assertThat(variable(run, "channelStateSummary")).isEqualTo("channel QM1.TO.BANK on QM1: STATUS(BINDING)"
                + " (BINDING: negotiating with the partner, not yet ready to transfer messages)");
        fireTimer(run);

        assertThat(variable(run, "outcome")).isEqualTo("completed");
        InOrder order = inOrder(admin);
        order.verify(admin).run(QM, ObjectCommand.STOP_CHANNEL, CHANNEL);
        order.verify(admin).run(QM, ObjectCommand.START_CHANNEL, CHANNEL);
        order.verify(admin).queueDepth(QM, "MQRB.TEST");
        order.verify(admin).putTestMessage(eq(QM), eq("MQRB.TEST"), anyString(), anyString());
        assertThat(putBody.get()).startsWith("mq-runbooks test message, run CHG-");
        String log = (String) variable(run, "runLog");
        assertThat(log.lines().toList()).hasSize(6).startsWith(
                "QM1: DISPLAY CHSTATUS(QM1.TO.BANK): STATUS(RUNNING)",
                "QM1: STOP CHANNEL(QM1.TO.BANK): stop accepted (it was STATUS(RUNNING))",
                "Reached STOPPED_OR_INACTIVE: channel QM1.TO.BANK on QM1: STATUS(STOPPED)",
                "QM1: START CHANNEL(QM1.TO.BANK): start accepted (it was STATUS(STOPPED))",
                "Reached RUNNING: channel QM1.TO.BANK on QM1: STATUS(RUNNING)");
        assertThat(log.lines().toList().get(5)).matches(
                "QM1: put and got back test message [0-9A-F]{48} on MQRB.TEST of QM1 in \\d+ ms");
        // each wait's deadline is gone once its state was reached, so a second pass would start a fresh wait
        assertThat(runtime.createVariableInstanceQuery().variableNameLike("serviceTask_%Deadline").count()).isZero();
    }

    @Test
    void aChannelThatIsNotRunningIsNotStoppedAgainAndARunningOneNotStartedAgain() {
        when(admin.channelStatus(QM, CHANNEL)).thenReturn(List.of(), List.of(), List.of(), status("RUNNING"),
                status("RUNNING"));

        ProcessInstance run = startRefresh();
        decide(run, "userTask_approveRefresh", vars("approvalDecision", "approve"));

        assertThat(variable(run, "outcome")).isEqualTo("completed");
        verify(admin, never()).run(anyString(), eq(ObjectCommand.STOP_CHANNEL), anyString());
        verify(admin, never()).run(anyString(), eq(ObjectCommand.START_CHANNEL), anyString());
        assertThat(((String) variable(run, "runLog")).lines().limit(4).toList()).containsExactly(
                "QM1: DISPLAY CHSTATUS(QM1.TO.BANK): no status (AMQ8420I: Channel Status not found.)",
                "QM1: STOP CHANNEL(QM1.TO.BANK): not sent, the channel is not running: no status (AMQ8420I: Channel"
                        + " Status not found.)",
                "Reached STOPPED_OR_INACTIVE: channel QM1.TO.BANK on QM1: no status (AMQ8420I: Channel Status not"
                        + " found.)",
                "QM1: START CHANNEL(QM1.TO.BANK): not sent, the channel is already started: STATUS(RUNNING)");
    }

    @Test
    void rejectedGateChangesNothing() {
        when(admin.channelStatus(QM, CHANNEL)).thenReturn(status("RETRYING"));

        ProcessInstance run = startRefresh();
        decide(run, "userTask_approveRefresh", vars("approvalDecision", "reject", "approvalComment", "not now"));

        assertThat(variable(run, "outcome")).isEqualTo("rejected");
        verify(admin, never()).run(anyString(), eq(ObjectCommand.STOP_CHANNEL), anyString());
        verify(admin, never()).run(anyString(), eq(ObjectCommand.START_CHANNEL), anyString());
        verify(admin, never()).putTestMessage(anyString(), anyString(), anyString(), anyString());
    }

    @Test
    void aWaitPastItsLimitBecomesAnIncidentNamingTheChannelsState() {
        when(admin.channelStatus(QM, CHANNEL)).thenReturn(status("RUNNING"), status("RUNNING"), status("STOPPING"));

        ProcessInstance run = startRefresh();
        decide(run, "userTask_approveRefresh", vars("approvalDecision", "approve"));
        clock.advance(Duration.ofMinutes(11));
        fireTimer(run);
        Incident incident = exhaustRetries(run);

        assertThat(incident).isNotNull();
        assertThat(incident.getActivityId()).isEqualTo("serviceTask_checkChannelStopped");
        assertThat(incident.getIncidentMessage()).isEqualTo("Waited PT10M (the step's waitLimit) for"
                + " STOPPED_OR_INACTIVE, but channel QM1.TO.BANK on QM1: STATUS(STOPPING); retry the step from Cockpit"
                + " once the channel is STOPPED_OR_INACTIVE");
        verify(admin, never()).run(anyString(), eq(ObjectCommand.START_CHANNEL), anyString());
    }

    @Test
    void aTestMessageThatDoesNotComeBackIsAnIncident() {
        when(admin.channelStatus(QM, CHANNEL)).thenReturn(status("RUNNING"), status("RUNNING"), status("STOPPED"),
                status("STOPPED"), status("RUNNING"));
        when(admin.getTestMessage(eq(QM), eq("MQRB.TEST"), anyString(), any())).thenReturn(Optional.empty());

        ProcessInstance run = startRefresh();
        decide(run, "userTask_approveRefresh", vars("approvalDecision", "approve"));
        Incident incident = exhaustRetries(run);

        assertThat(incident.getActivityId()).isEqualTo("serviceTask_putAndGetTestMessage");
        assertThat(incident.getIncidentMessage()).matches("The test message [0-9A-F]{48} put to MQRB.TEST on QM1 did"
                + " not come back within 10 s");
    }
}

package io.mqrunbooks.runbooks.generic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.mqrunbooks.adapter.inbound.camunda.generic.CheckQueueManagerStateDelegate;
import io.mqrunbooks.adapter.inbound.camunda.generic.RunControlCommandDelegate;
import io.mqrunbooks.adapter.inbound.camunda.generic.RunMqscDelegate;
import io.mqrunbooks.application.generic.GenericSteps;
import io.mqrunbooks.application.generic.QueueManagerControlSteps;
import io.mqrunbooks.application.port.out.MqAdminPort;
import io.mqrunbooks.application.port.out.MqControlPort;
import io.mqrunbooks.application.port.out.control.EndMode;
import io.mqrunbooks.mq.QueueManagerState;
import io.mqrunbooks.mq.QueueManagerStatus;
import io.mqrunbooks.evidence.MutableClock;
import io.mqrunbooks.mq.ControlOutcome;
import io.mqrunbooks.mq.ControlResult;
import io.mqrunbooks.mq.QmStatus;
import io.mqrunbooks.runbooks.rdqm.RunbookEngineTestAccess;
import io.mqrunbooks.testsupport.RunbookTestEngine;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

/** The restart sample built only from element templates, on the engine with the control and admin ports mocked. */
@Deployment(resources = {"processes/queueManagerRestartProcess.bpmn", "forms/queueManagerRestartStart.form",
        "forms/genericPartnerSignOff.form", "forms/genericApprovalGate.form"})
class QueueManagerRestartProcessTest extends RunbookEngineTestAccess {

    private static final String QM = "QM2";
    private static final String HOST = "mqeast2";

    private final MqControlPort control = mock(MqControlPort.class);
    private final MqAdminPort admin = mock(MqAdminPort.class);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T04:00:00Z"));

    @BeforeEach
    void registerGenericSteps() {
        QueueManagerControlSteps steps = new QueueManagerControlSteps(RunbookTestEngine.labEstate(), control);
        Mocks.register("runControlCommandDelegate", new RunControlCommandDelegate(RunbookTestEngine.RECORDS, steps));
        Mocks.register("checkQueueManagerStateDelegate", new CheckQueueManagerStateDelegate(RunbookTestEngine.RECORDS,
                steps, clock));
        Mocks.register("runMqscDelegate", new RunMqscDelegate(RunbookTestEngine.RECORDS, new GenericSteps(admin)));
        when(control.end(HOST, QM, EndMode.CONTROLLED, false)).thenReturn(new ControlResult(ControlOutcome.ENDING,
                List.of("Quiesce request accepted. The queue manager will stop when all outstanding work is complete."),
                0));
        when(control.start(HOST, QM)).thenReturn(new ControlResult(ControlOutcome.STARTED,
                List.of("IBM MQ queue manager 'QM2' started."), 0));
        when(admin.queueManagerStatus(QM)).thenReturn(new QueueManagerStatus(QM, "RUNNING", java.util.Map.of()));
    }

    private static QueueManagerState state(QmStatus status) {
        return new QueueManagerState(HOST, QM, status, List.of());
    }

    private ProcessInstance startRestart() {
        ProcessInstance run = start("queueManagerRestartProcess", vars("queueManager", QM,
                "reason", "apply the new qm.ini tuning"));
        runJobs(run);
        return run;
    }

    private static java.util.Map<String, Object> signedOff() {
        return vars("partnerSignedOffBy", "A. Partner, payments", "partnerSignedOffAt", "2026-12-07T05:00+01:00",
                "partnerDecision", "signedOff");
    }

    @Test
    void endsWaitsStartsWaitsAfterThePartnersSignOffAndTheApproval() {
        when(control.status(HOST, QM)).thenReturn(
                state(QmStatus.RUNNING),          // dspmq before the sign-off
                state(QmStatus.RUNNING),          // endmqm reads first
                state(QmStatus.QUIESCING),        // first poll: not yet
                state(QmStatus.ENDED_NORMALLY),   // second poll
                state(QmStatus.ENDED_NORMALLY),   // strmqm reads first
                state(QmStatus.STARTING),         // first poll: not yet
                state(QmStatus.RUNNING));         // second poll

        ProcessInstance run = startRestart();
        assertThat(task(run).getName()).isEqualTo("Record the partner's sign-off for restarting QM2");
        assertThat(variable(run, "runLog")).isEqualTo("QM2 on mqeast2: dspmq: STATUS(Running)");
        decide(run, "userTask_partnerSignOff", signedOff());
        assertThat(task(run).getName()).isEqualTo("Approve the restart of QM2");
        verify(control, never()).end(anyString(), anyString(), any(), anyBoolean());

        decide(run, "userTask_approveRestart", vars("approvalDecision", "approve", "approvalComment", "ok"));
        assertThat(variable(run, "queueManagerStateSummary")).isEqualTo("QM2: mqeast2 STATUS(Quiescing)");
        fireTimer(run);
        assertThat(variable(run, "queueManagerStateSummary")).isEqualTo("QM2: mqeast2 STATUS(Starting)");
        fireTimer(run);

        assertThat(variable(run, "outcome")).isEqualTo("completed");
        InOrder order = inOrder(control, admin);
        order.verify(control).end(HOST, QM, EndMode.CONTROLLED, false);
        order.verify(control).start(HOST, QM);
        order.verify(admin).queueManagerStatus(QM);
        assertThat(((String) variable(run, "runLog")).lines().toList()).containsExactly(
                "QM2 on mqeast2: dspmq: STATUS(Running)",
                "QM2 on mqeast2: endmqm -c: Quiesce request accepted. The queue manager will stop when all outstanding"
                        + " work is complete. (it was Running)",
                "Reached ENDED: QM2: mqeast2 STATUS(Ended normally)",
                "QM2 on mqeast2: strmqm: IBM MQ queue manager 'QM2' started. (it was Ended normally)",
                "Reached RUNNING: QM2: mqeast2 STATUS(Running)",
                "QM2: DISPLAY QMSTATUS: QMNAME(QM2) STATUS(RUNNING)");
        assertThat(runtime.createVariableInstanceQuery().variableNameLike("serviceTask_%Deadline").count()).isZero();
    }

    @Test
    void aRetriedOrResumedRestartDoesNotEndOrStartTheQueueManagerTwice() {
        // ended already when endmqm would run (a resumed run), running already when strmqm would
        when(control.status(HOST, QM)).thenReturn(state(QmStatus.RUNNING), state(QmStatus.ENDED_IMMEDIATELY),
                state(QmStatus.ENDED_IMMEDIATELY), state(QmStatus.RUNNING), state(QmStatus.RUNNING));

        ProcessInstance run = startRestart();
        decide(run, "userTask_partnerSignOff", signedOff());
        decide(run, "userTask_approveRestart", vars("approvalDecision", "approve"));

        assertThat(variable(run, "outcome")).isEqualTo("completed");
        verify(control, never()).end(anyString(), anyString(), any(), anyBoolean());
        verify(control, never()).start(anyString(), anyString());
        assertThat(((String) variable(run, "runLog")).lines().skip(1).limit(3).toList()).containsExactly(
                "QM2 on mqeast2: endmqm -c: not sent, it is already Ended immediately",
                "Reached ENDED: QM2: mqeast2 STATUS(Ended immediately)",
                "QM2 on mqeast2: strmqm: not sent, it is already Running");
    }

    @Test
    void aPartnerWhoDeclinesEndsTheRunBeforeAnyApproval() {
        when(control.status(HOST, QM)).thenReturn(state(QmStatus.RUNNING));

        ProcessInstance run = startRestart();
        decide(run, "userTask_partnerSignOff", vars("partnerSignedOffBy", "A. Partner", "partnerSignedOffAt",
                "2026-12-07T05:00+01:00", "partnerDecision", "declined", "partnerComment", "month-end batch running"));

        assertThat(variable(run, "outcome")).isEqualTo("declined");
        assertThat(endEvent(run)).isEqualTo("endEvent_declined");
        verify(control, never()).end(anyString(), anyString(), any(), anyBoolean());
    }

    @Test
    void aRejectedRestartChangesNothing() {
        when(control.status(HOST, QM)).thenReturn(state(QmStatus.RUNNING));

        ProcessInstance run = startRestart();
        decide(run, "userTask_partnerSignOff", signedOff());
        decide(run, "userTask_approveRestart", vars("approvalDecision", "reject", "approvalComment", "not today"));

        assertThat(variable(run, "outcome")).isEqualTo("rejected");
        verify(control, never()).end(anyString(), anyString(), any(), anyBoolean());
        verify(control, never()).start(anyString(), anyString());
    }

    @Test
    void aQueueManagerThatDoesNotEndInTimeIsAnIncidentNamingItsStatusAndIsNotStarted() {
        when(control.status(HOST, QM)).thenReturn(state(QmStatus.RUNNING), state(QmStatus.RUNNING),
                state(QmStatus.QUIESCING));

        ProcessInstance run = startRestart();
        decide(run, "userTask_partnerSignOff", signedOff());
        decide(run, "userTask_approveRestart", vars("approvalDecision", "approve"));
        clock.advance(Duration.ofMinutes(16));
        fireTimer(run);
        Incident incident = exhaustRetries(run);

        assertThat(incident.getActivityId()).isEqualTo("serviceTask_checkEnded");
        assertThat(incident.getIncidentMessage()).isEqualTo("Waited PT15M (the step's waitLimit) for ENDED, but QM2:"
                + " mqeast2 STATUS(Quiescing); retry the step from Cockpit once the queue manager is ENDED");
        verify(control, never()).start(anyString(), anyString());
    }
}

package io.mqrunbooks.runbooks.multiinstance;

import io.mqrunbooks.mq.MqVersion;
import static io.mqrunbooks.runbooks.rdqm.RdqmEngineFixture.instances;
import static io.mqrunbooks.runbooks.rdqm.RdqmEngineFixture.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.mqrunbooks.mq.ControlOutcome;
import io.mqrunbooks.mq.ControlResult;
import io.mqrunbooks.application.port.out.control.EndMode;
import io.mqrunbooks.mq.QmStatus;
import io.mqrunbooks.mq.QueueManagerState;
import io.mqrunbooks.runbooks.rdqm.RunbookEngineTestAccess;
import java.util.List;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Deployment(resources = {"processes/multiInstanceSwitchoverProcess.bpmn", "forms/multiInstanceSwitchoverStart.form",
        "forms/multiInstanceSwitchoverApprove.form", "forms/multiInstanceTakeoverWaitDecide.form"})
class MultiInstanceSwitchoverProcessTest extends RunbookEngineTestAccess {

    private static final String QM = "MIQM";

    private static QueueManagerState activeOn(String host, String active, String standby) {
        return instances(host, QM, host.equals(active) ? QmStatus.RUNNING : QmStatus.RUNNING_AS_STANDBY, active,
                standby);
    }

    private ProcessInstance startSwitchover(String endMode) {
        ProcessInstance run = start("multiInstanceSwitchoverProcess", vars("queueManager", QM, "endMode", endMode,
                "reason", "CHG-3 patching mi1"));
        runJobs(run);
        return run;
    }

    @ParameterizedTest
    @CsvSource({"controlled, CONTROLLED, -c", "immediate, IMMEDIATE, -i", "preemptive, PREEMPTIVE, -p"})
    void switchesOverWithTheChosenEndOption(String choice, EndMode mode, String flag) {
        when(lab.control.status("mi1", QM)).thenReturn(activeOn("mi1", "mi1", "mi2"));
        when(lab.control.status("mi2", QM)).thenReturn(activeOn("mi2", "mi1", "mi2"),
                instances("mi2", QM, QmStatus.RUNNING, "mi2", null));
        when(lab.control.end("mi1", QM, mode, true)).thenReturn(result(ControlOutcome.SWITCHED_OVER));

        when(lab.control.version("mi2")).thenReturn(MqVersion.of("9.4.0.26"));
        ProcessInstance run = startSwitchover(choice);
        assertThat((String) variable(run, "versionReport")).isEqualTo("""
                Host  Queue manager  Installed  Bulletins
                mi1   MIQM           9.4.0.0    CVE-2026-1713, CVE-2026-10027
                mi2   MIQM           9.4.0.26   none known
                WARNING: mi1 runs 9.4.0.0, affected by CVE-2026-1713 (9.4.0.0–9.4.0.17 LTS; fixed in 9.4.0.20, 9.4.5.0; https://nvd.nist.gov/vuln/detail/CVE-2026-1713), CVE-2026-10027 (9.4.0.0–9.4.0.25 LTS; no fix\
                 listed; https://www.cve.org/CVERecord?id=CVE-2026-10027)""");
        assertThat((String) variable(run, "instancesSummary")).isEqualTo("Queue manager MIQM (multi-instance)\n"
                + "dspmq -x on mi1: Running, INSTANCE(mi1) MODE(Active), INSTANCE(mi2) MODE(Standby)\n"
                + "dspmq -x on mi2: Running as standby, INSTANCE(mi1) MODE(Active), INSTANCE(mi2) MODE(Standby)\n"
                + "Plan: on mi1 endmqm " + flag + " -s MIQM; the standby on mi2 takes over as the active instance"
                + " (polled with dspmq -x). Reconnectable clients reconnect by themselves; other clients reconnect to"
                + " mi2.");
        decide(run, "userTask_approveSwitchover", vars("switchoverDecision", "approve"));

        assertThat(variable(run, "outcome")).isEqualTo("completed");
        verify(lab.control).end("mi1", QM, mode, true);
        assertThat((String) variable(run, "runLog")).isEqualTo("mi1: endmqm " + flag + " -s MIQM: SWITCHED_OVER\n"
                + "Switched over: dspmq -x on mi2: Running, INSTANCE(mi2) MODE(Active)");
    }

    @Test
    void withoutARunningStandbyTheRunStopsWithTheReason() {
        when(lab.control.status("mi1", QM)).thenReturn(instances("mi1", QM, QmStatus.RUNNING, "mi1", null));
        when(lab.control.status("mi2", QM)).thenReturn(new QueueManagerState("mi2", QM, QmStatus.ENDED_NORMALLY,
                List.of()));

        ProcessInstance run = startSwitchover("immediate");

        assertThat(variable(run, "refusalCode")).isEqualTo("NO_STANDBY");
        assertThat(variable(run, "outcome")).isEqualTo("aborted: Switchover refused: no standby instance of MIQM is"
                + " running. endmqm -s does not start a standby instance (it only releases the lock), so the queue"
                + " manager would simply end. Start the standby first with strmqm -x MIQM on mi2.\n"
                + "dspmq -x on mi1: Running, INSTANCE(mi1) MODE(Active)\n"
                + "dspmq -x on mi2: Ended normally");
        verify(lab.control, never()).end(anyString(), anyString(), any(), anyBoolean());
    }

    @Test
    void anUnknownEndModeIsRefusedBeforeTheRunExists() {
        long before = runtime.createProcessInstanceQuery().count();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> startSwitchover("gentle"))
                .hasMessage("'endMode' (How the active instance ends) must be one of [controlled, immediate,"
                        + " preemptive], not 'gentle'");
        assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(before);
    }

    @Test
    void aQueueManagerThatIsNotMultiInstanceIsRefused() {
        ProcessInstance run = start("multiInstanceSwitchoverProcess", vars("queueManager", "QMDR", "endMode",
                "immediate", "reason", "x"));
        runJobs(run);

        assertThat(variable(run, "outcome")).isEqualTo("aborted: Queue manager 'QMDR' is rdqm-dr in the inventory, not"
                + " multi-instance");
    }

    @Test
    void rejectedGateEndsNothing() {
        when(lab.control.status("mi1", QM)).thenReturn(activeOn("mi1", "mi1", "mi2"));
        when(lab.control.status("mi2", QM)).thenReturn(activeOn("mi2", "mi1", "mi2"));

        ProcessInstance run = startSwitchover("controlled");
        decide(run, "userTask_approveSwitchover", vars("switchoverDecision", "reject"));

        assertThat(variable(run, "outcome")).isEqualTo("rejected");
        verify(lab.control, never()).end(anyString(), anyString(), any(), anyBoolean());
    }

    @Test
    void pollsUntilTheStandbyTakesOverThenAsksAtTheTimeLimit() {
        when(lab.control.status("mi1", QM)).thenReturn(activeOn("mi1", "mi1", "mi2"));
        QueueManagerState stillStandby = activeOn("mi2", "mi1", "mi2");
        when(lab.control.status("mi2", QM)).thenReturn(stillStandby);
        when(lab.control.end("mi1", QM, EndMode.CONTROLLED, true)).thenReturn(result(ControlOutcome.ENDING));

        ProcessInstance run = startSwitchover("controlled");
        runtime.setVariable(run.getId(), "takeoverPollLimit", 2);
        decide(run, "userTask_approveSwitchover", vars("switchoverDecision", "approve"));

        assertThat(variable(run, "takeoverComplete")).isEqualTo(false);
        assertThat(task(run)).isNull();
        fireTimer(run);
        assertThat(variable(run, "takeoverStatus")).isEqualTo("Poll 2 of 2: dspmq -x on mi2: Running as standby,"
                + " INSTANCE(mi1) MODE(Active), INSTANCE(mi2) MODE(Standby)");
        assertThat(task(run).getTaskDefinitionKey()).isEqualTo("userTask_decideTakeoverWait");

        decide(run, "userTask_decideTakeoverWait", vars("takeoverWaitDecision", "keep"));
        assertThat(variable(run, "takeoverPolls")).isEqualTo(0L);
        when(lab.control.status("mi2", QM)).thenReturn(instances("mi2", QM, QmStatus.RUNNING, "mi2", null));
        fireTimer(run);

        assertThat(variable(run, "outcome")).isEqualTo("completed");
    }

    @Test
    void theTimeLimitDecisionCanAbort() {
        when(lab.control.status("mi1", QM)).thenReturn(activeOn("mi1", "mi1", "mi2"));
        when(lab.control.status("mi2", QM)).thenReturn(activeOn("mi2", "mi1", "mi2"));
        when(lab.control.end("mi1", QM, EndMode.CONTROLLED, true)).thenReturn(result(ControlOutcome.ENDING));

        ProcessInstance run = startSwitchover("controlled");
        runtime.setVariable(run.getId(), "takeoverPollLimit", 1);
        decide(run, "userTask_approveSwitchover", vars("switchoverDecision", "approve"));
        decide(run, "userTask_decideTakeoverWait", vars("takeoverWaitDecision", "abort"));

        assertThat(variable(run, "outcome")).isEqualTo("aborted: the change manager stopped waiting for the standby to"
                + " take over: Poll 1 of 1: dspmq -x on mi2: Running as standby, INSTANCE(mi1) MODE(Active),"
                + " INSTANCE(mi2) MODE(Standby)");
    }

    @Test
    void aResumedSwitchoverDoesNotEndTheNewActiveInstance() {
        when(lab.control.status("mi1", QM)).thenReturn(activeOn("mi1", "mi1", "mi2"),
                instances("mi1", QM, QmStatus.RUNNING_ELSEWHERE, "mi2", null));
        when(lab.control.status("mi2", QM)).thenReturn(activeOn("mi2", "mi1", "mi2"),
                instances("mi2", QM, QmStatus.RUNNING, "mi2", null));

        ProcessInstance run = startSwitchover("immediate");
        decide(run, "userTask_approveSwitchover", vars("switchoverDecision", "approve"));

        assertThat(variable(run, "outcome")).isEqualTo("completed");
        verify(lab.control, never()).end(anyString(), anyString(), any(), anyBoolean());
        assertThat(((String) variable(run, "runLog")).lines().findFirst()).contains(
                "mi1: MIQM is Running elsewhere there: endmqm -s not needed");
    }

    @Test
    void aRefusedEndmqmBecomesAnIncident() {
        when(lab.control.status("mi1", QM)).thenReturn(activeOn("mi1", "mi1", "mi2"));
        when(lab.control.status("mi2", QM)).thenReturn(activeOn("mi2", "mi1", "mi2"));
        when(lab.control.end("mi1", QM, EndMode.IMMEDIATE, true)).thenReturn(new ControlResult(ControlOutcome.REFUSED,
                List.of("AMQ8146E: IBM MQ queue manager not available."), 40));

        ProcessInstance run = startSwitchover("immediate");
        decide(run, "userTask_approveSwitchover", vars("switchoverDecision", "approve"));
        Incident incident = exhaustRetries(run);

        assertThat(incident.getActivityId()).isEqualTo("serviceTask_switchOver");
        assertThat(incident.getIncidentMessage()).isEqualTo("mi1: endmqm -i -s MIQM was refused (REFUSED, exit code"
                + " 40): AMQ8146E: IBM MQ queue manager not available.");
    }
}

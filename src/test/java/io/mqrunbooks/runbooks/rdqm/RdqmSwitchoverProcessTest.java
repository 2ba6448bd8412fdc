package io.mqrunbooks.runbooks.rdqm;

import static io.mqrunbooks.runbooks.rdqm.RdqmEngineFixture.primaryNormal;
import static io.mqrunbooks.runbooks.rdqm.RdqmEngineFixture.rdqm;
import static io.mqrunbooks.runbooks.rdqm.RdqmEngineFixture.result;
import static io.mqrunbooks.runbooks.rdqm.RdqmEngineFixture.secondaryNormal;
import static io.mqrunbooks.runbooks.rdqm.RdqmEngineFixture.state;
import static io.mqrunbooks.runbooks.rdqm.RdqmEngineFixture.unreachable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.mqrunbooks.mq.ControlOutcome;
import io.mqrunbooks.mq.ControlResult;
import io.mqrunbooks.mq.DrStatus;
import io.mqrunbooks.application.port.out.control.EndMode;
import io.mqrunbooks.mq.QmStatus;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

@Deployment(resources = {"processes/rdqmSwitchoverProcess.bpmn", "forms/rdqmSwitchoverStart.form",
        "forms/rdqmSwitchoverApprove.form"})
class RdqmSwitchoverProcessTest extends RunbookEngineTest {

    private static final String QM = "QMDR";

    private ProcessInstance startSwitchover() {
        ProcessInstance run = start("rdqmSwitchoverProcess", vars("queueManager", QM, "reason", "CHG-7 planned"));
        runJobs(run);
        return run;
    }

    private void dr1PrimaryThenSwapped() {
        when(lab.control.rdqmStatus("dr1", QM)).thenReturn(primaryNormal("dr1"), primaryNormal("dr1"),
                secondaryNormal("dr1"));
        when(lab.control.rdqmStatus("dr2", QM)).thenReturn(secondaryNormal("dr2"), secondaryNormal("dr2"),
                rdqm("dr2", QmStatus.ENDED_IMMEDIATELY, true, DrStatus.NORMAL, 0L, null, null), primaryNormal("dr2"));
        when(lab.control.status("dr1", QM)).thenReturn(state("dr1", QM, QmStatus.RUNNING));
        when(lab.control.status("dr2", QM)).thenReturn(state("dr2", QM, QmStatus.ENDED_IMMEDIATELY));
        when(lab.control.end("dr1", QM, EndMode.WAIT, false)).thenReturn(result(ControlOutcome.ENDED,
                "IBM MQ queue manager 'QMDR' ended."));
        when(lab.control.makeDrSecondary("dr1", QM)).thenReturn(result(ControlOutcome.MADE_SECONDARY,
                "Queue manager 'QMDR' has been made the DR secondary on this node."));
        when(lab.control.makeDrPrimary("dr2", QM)).thenReturn(result(ControlOutcome.MADE_PRIMARY,
                "Queue manager 'QMDR' has been made the DR primary on this node."));
        when(lab.control.start("dr2", QM)).thenReturn(result(ControlOutcome.STARTED,
                "IBM MQ queue manager 'QMDR' started using V9.4.0.0."));
    }

    @Test
    void switchesOverInSeedOrderAfterTheGate() {
        dr1PrimaryThenSwapped();
        ProcessInstance run = startSwitchover();

        assertThat(task(run).getTaskDefinitionKey()).isEqualTo("userTask_approveSwitchover");
        assertThat((String) variable(run, "versionReport")).startsWith("""
                Host  Queue manager  Installed  Bulletins
                dr1   QMDR           9.4.0.0    CVE-2026-1713, CVE-2026-10027
                dr2   QMDR           9.4.0.0    CVE-2026-1713, CVE-2026-10027
                WARNING: dr1 runs 9.4.0.0, affected by CVE-2026-1713 (9.4.0.0–9.4.0.17 LTS; fixed in 9.4.0.20, 9.4.5.0;""").contains("\nWARNING: dr2 runs 9.4.0.0, affected by CVE-2026-1713 (9.4.0.0–9.4.0.17 LTS; fixed in 9.4.0.20, 9.4.5.0;");
        assertThat((String) variable(run, "switchoverSummary")).contains(
                "Now: dr1: DR role Primary, queue manager Running, DR status Normal, DR out of sync data 0KB (0 bytes)",
                "Now: dr2: DR role Secondary, queue manager Ended immediately, DR status Normal",
                "Plan: on dr1 endmqm -w QMDR, rdqmdr -m QMDR -s; on dr2 rdqmdr -m QMDR -p, strmqm QMDR;");
        verify(lab.control, never()).end(anyString(), anyString(), any(), anyBoolean());

        decide(run, "userTask_approveSwitchover", vars("switchoverDecision", "approve", "switchoverComment", "ok"));

        assertThat(ended(run)).isTrue();
        assertThat(variable(run, "outcome")).isEqualTo("completed");
        assertThat(endEvent(run)).isEqualTo("endEvent_switchedOver");
        InOrder order = inOrder(lab.control);
        order.verify(lab.control).end("dr1", QM, EndMode.WAIT, false);
        order.verify(lab.control).makeDrSecondary("dr1", QM);
        order.verify(lab.control).makeDrPrimary("dr2", QM);
        order.verify(lab.control).start("dr2", QM);
        assertThat((String) variable(run, "rolesConfirmation")).isEqualTo("Confirmed by rdqmstatus: dr2: DR role Primary,"
                + " queue manager Running, DR status Normal, DR out of sync data 0KB (0 bytes); dr1: DR role Secondary,"
                + " queue manager Ended immediately, DR status Normal");
        assertThat((String) variable(run, "runLog")).isEqualTo(String.join("\n",
                "dr1: endmqm -w QMDR: ENDED (IBM MQ queue manager 'QMDR' ended.)",
                "dr1: rdqmdr -m QMDR -s: MADE_SECONDARY (Queue manager 'QMDR' has been made the DR secondary on this node.)",
                "dr2: rdqmdr -m QMDR -p: MADE_PRIMARY (Queue manager 'QMDR' has been made the DR primary on this node.)",
                "dr2: strmqm QMDR: STARTED (IBM MQ queue manager 'QMDR' started using V9.4.0.0.)",
                (String) variable(run, "rolesConfirmation")));
    }

    @Test
    void switchesBackReadingTheCurrentRoles() {
        when(lab.control.rdqmStatus("dr2", QM)).thenReturn(primaryNormal("dr2"), primaryNormal("dr2"),
                secondaryNormal("dr2"));
        when(lab.control.rdqmStatus("dr1", QM)).thenReturn(secondaryNormal("dr1"), secondaryNormal("dr1"),
                rdqm("dr1", QmStatus.ENDED_IMMEDIATELY, true, DrStatus.NORMAL, 0L, null, null), primaryNormal("dr1"));
        when(lab.control.status("dr2", QM)).thenReturn(state("dr2", QM, QmStatus.RUNNING));
        when(lab.control.status("dr1", QM)).thenReturn(state("dr1", QM, QmStatus.ENDED_IMMEDIATELY));
        when(lab.control.end("dr2", QM, EndMode.WAIT, false)).thenReturn(result(ControlOutcome.ENDED));
        when(lab.control.makeDrSecondary("dr2", QM)).thenReturn(result(ControlOutcome.MADE_SECONDARY));
        when(lab.control.makeDrPrimary("dr1", QM)).thenReturn(result(ControlOutcome.MADE_PRIMARY));
        when(lab.control.start("dr1", QM)).thenReturn(result(ControlOutcome.STARTED));

        ProcessInstance run = startSwitchover();
        assertThat(variable(run, "oldPrimaryNode")).isEqualTo("dr2");
        assertThat(variable(run, "newPrimaryNode")).isEqualTo("dr1");
        decide(run, "userTask_approveSwitchover", vars("switchoverDecision", "approve"));

        assertThat(variable(run, "outcome")).isEqualTo("completed");
        InOrder order = inOrder(lab.control);
        order.verify(lab.control).end("dr2", QM, EndMode.WAIT, false);
        order.verify(lab.control).makeDrSecondary("dr2", QM);
        order.verify(lab.control).makeDrPrimary("dr1", QM);
        order.verify(lab.control).start("dr1", QM);
    }

    @Test
    void refusedWhileSynchronizationIsInProgressShowingTheProgress() {
        when(lab.control.rdqmStatus("dr1", QM)).thenReturn(rdqm("dr1", QmStatus.RUNNING, true,
                DrStatus.SYNCHRONIZATION_IN_PROGRESS, 30208L, 41.3, "2026-11-21 07:02:10"));
        when(lab.control.rdqmStatus("dr2", QM)).thenReturn(rdqm("dr2", QmStatus.ENDED_IMMEDIATELY, false,
                DrStatus.SYNCHRONIZATION_IN_PROGRESS, null, 41.3, "2026-11-21 07:02:10"));

        ProcessInstance run = startSwitchover();

        assertThat(ended(run)).isTrue();
        assertThat(endEvent(run)).isEqualTo("endEvent_refused");
        assertThat(variable(run, "refusalCode")).isEqualTo("SYNCHRONIZATION_IN_PROGRESS");
        assertThat(variable(run, "outcome")).isEqualTo("aborted: Switchover refused: synchronization in progress on dr1 (41.3% done, estimated completion"
                + " 2026-11-21 07:02:10, 30208KB (30932992 bytes) still out of sync). A planned switchover never loses"
                + " data: it waits until both nodes show DR status: Normal. Start it again when the synchronization has"
                + " completed");
        verify(lab.control, never()).end(anyString(), anyString(), any(), anyBoolean());
        verify(lab.control, never()).makeDrSecondary(anyString(), anyString());
    }

    @Test
    void refusedWhenDrStatusIsNotNormal() {
        when(lab.control.rdqmStatus("dr1", QM)).thenReturn(rdqm("dr1", QmStatus.RUNNING, true,
                DrStatus.REMOTE_UNAVAILABLE, 400L, null, null));
        when(lab.control.rdqmStatus("dr2", QM)).thenReturn(rdqm("dr2", QmStatus.ENDED_IMMEDIATELY, false,
                DrStatus.REMOTE_UNAVAILABLE, null, null, null));

        ProcessInstance run = startSwitchover();

        assertThat(variable(run, "refusalCode")).isEqualTo("DR_NOT_NORMAL");
        assertThat(variable(run, "outcome")).isEqualTo("aborted: Switchover refused: DR status on dr1 is Remote"
                + " unavailable, not Normal (dr1: DR role Primary, queue manager Running, DR status Remote unavailable,"
                + " DR out of sync data 400KB (409600 bytes)). A planned switchover never loses data, so both nodes"
                + " must show DR status: Normal");
    }

    @Test
    void refusedWhenANodeCannotBeReached() {
        when(lab.control.rdqmStatus("dr1", QM)).thenThrow(unreachable("dr1"));
        when(lab.control.rdqmStatus("dr2", QM)).thenReturn(secondaryNormal("dr2"));

        ProcessInstance run = startSwitchover();

        assertThat(variable(run, "refusalCode")).isEqualTo("NODE_UNREACHABLE");
        assertThat(variable(run, "outcome")).isEqualTo("aborted: Switchover refused: dr1 cannot be reached (dr1"
                + " (127.0.0.1:22101): connection refused). A planned switchover needs both nodes; if the primary is"
                + " lost, use the failover runbook");
    }

    @Test
    void unknownQueueManagerEndsTheRunAtOnce() {
        ProcessInstance run = start("rdqmSwitchoverProcess", vars("queueManager", "QMNOPE", "reason", "test"));
        runJobs(run);

        assertThat(variable(run, "refusalCode")).isEqualTo("QUEUE_MANAGER_UNKNOWN");
        assertThat(variable(run, "outcome")).isEqualTo("aborted: Queue manager 'QMNOPE' is not in the inventory");
    }

    @Test
    void aQueueManagerThatIsNotRdqmDrIsRefused() {
        ProcessInstance run = start("rdqmSwitchoverProcess", vars("queueManager", "QM1", "reason", "test"));
        runJobs(run);

        assertThat(variable(run, "outcome")).isEqualTo("aborted: Queue manager 'QM1' is single in the inventory, not"
                + " rdqm-dr: this runbook is for RDQM disaster recovery pairs");
    }

    @Test
    void rejectedGateChangesNothing() {
        dr1PrimaryThenSwapped();
        ProcessInstance run = startSwitchover();

        decide(run, "userTask_approveSwitchover", vars("switchoverDecision", "reject", "switchoverComment", "not now"));

        assertThat(variable(run, "outcome")).isEqualTo("rejected");
        assertThat(endEvent(run)).isEqualTo("endEvent_rejected");
        verify(lab.control, never()).end(anyString(), anyString(), any(), anyBoolean());
        verify(lab.control, never()).makeDrPrimary(anyString(), anyString());
    }

    @Test
    void theStarterCannotApproveTheirOwnSwitchover() {
        dr1PrimaryThenSwapped();
        ProcessInstance run = startSwitchover();

        identity.setAuthentication(OPERATOR, List.of("mq-operators", "change-managers"));
        assertThatThrownBy(() -> tasks.complete(task(run).getId(), vars("switchoverDecision", "approve")))
                .isInstanceOf(AuthorizationException.class)
                .hasMessageContaining("Four-eyes rule: operator started run")
                .hasMessageContaining("cannot approve its gate 'Approve the switchover of QMDR'");
    }

    @Test
    void aResumedRunDoesNotRepeatWorkAlreadyDone() {
        // Read as Normal at the start; by the time the steps run, the roles have already been swapped.
        when(lab.control.rdqmStatus("dr1", QM)).thenReturn(primaryNormal("dr1"), secondaryNormal("dr1"));
        when(lab.control.rdqmStatus("dr2", QM)).thenReturn(secondaryNormal("dr2"), primaryNormal("dr2"));
        when(lab.control.status("dr1", QM)).thenReturn(state("dr1", QM, QmStatus.ENDED_IMMEDIATELY));
        when(lab.control.status("dr2", QM)).thenReturn(state("dr2", QM, QmStatus.RUNNING));

        ProcessInstance run = startSwitchover();
        decide(run, "userTask_approveSwitchover", vars("switchoverDecision", "approve"));

        assertThat(variable(run, "outcome")).isEqualTo("completed");
        verify(lab.control, never()).end(anyString(), anyString(), any(), anyBoolean());
        verify(lab.control, never()).makeDrSecondary(anyString(), anyString());
        verify(lab.control, never()).makeDrPrimary(anyString(), anyString());
        verify(lab.control, never()).start(anyString(), anyString());
        assertThat(((String) variable(run, "runLog")).lines().limit(4)).containsExactly(
                "dr1: QMDR is Ended immediately: endmqm not needed",
                "dr1: already the DR secondary of QMDR: rdqmdr -s not needed",
                "dr2: already the DR primary of QMDR: rdqmdr -p not needed",
                "dr2: QMDR is Running: strmqm not needed");
    }

    @Test
    void aRefusedPromotionBecomesAnIncidentWithMqsMessage() {
        dr1PrimaryThenSwapped();
        when(lab.control.rdqmStatus("dr2", QM)).thenReturn(secondaryNormal("dr2"));
        when(lab.control.makeDrPrimary("dr2", QM)).thenReturn(new ControlResult(
                ControlOutcome.REFUSED_OTHER_NODE_PRIMARY, List.of("Queue manager 'QMDR' cannot be made the DR primary:"
                + " it is the DR primary on the other node and the DR replication link is working."), 1));
        ProcessInstance run = startSwitchover();
        decide(run, "userTask_approveSwitchover", vars("switchoverDecision", "approve"));

        Incident incident = exhaustRetries(run);

        assertThat(incident).isNotNull();
        assertThat(incident.getActivityId()).isEqualTo("serviceTask_makePrimary");
        assertThat(incident.getIncidentMessage()).isEqualTo("dr2: rdqmdr -m QMDR -p was refused"
                + " (REFUSED_OTHER_NODE_PRIMARY, exit code 1): Queue manager 'QMDR' cannot be made the DR primary: it is"
                + " the DR primary on the other node and the DR replication link is working.");
        verify(lab.control, never()).start(anyString(), anyString());
    }

    @Test
    void rolesNotConfirmedEndsWithWhatRdqmstatusShows() {
        dr1PrimaryThenSwapped();
        when(lab.control.rdqmStatus("dr2", QM)).thenReturn(secondaryNormal("dr2"), secondaryNormal("dr2"),
                rdqm("dr2", QmStatus.ENDED_IMMEDIATELY, true, DrStatus.NORMAL, 0L, null, null),
                rdqm("dr2", QmStatus.ENDED_UNEXPECTEDLY, true, DrStatus.NORMAL, 0L, null, null));
        ProcessInstance run = startSwitchover();
        decide(run, "userTask_approveSwitchover", vars("switchoverDecision", "approve"));

        assertThat(endEvent(run)).isEqualTo("endEvent_notConfirmed");
        assertThat(variable(run, "outcome")).isEqualTo("aborted: The new roles are not confirmed: expected dr2 as the"
                + " running DR primary and dr1 as the DR secondary, rdqmstatus shows dr2: DR role Primary, queue manager"
                + " Ended unexpectedly, DR status Normal, DR out of sync data 0KB (0 bytes); dr1: DR role Secondary,"
                + " queue manager Ended immediately, DR status Normal");
    }
}

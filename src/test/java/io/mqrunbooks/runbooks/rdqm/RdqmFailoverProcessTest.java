package io.mqrunbooks.runbooks.rdqm;

import static io.mqrunbooks.runbooks.rdqm.RdqmEngineFixture.primaryNormal;
import static io.mqrunbooks.runbooks.rdqm.RdqmEngineFixture.rdqm;
import static io.mqrunbooks.runbooks.rdqm.RdqmEngineFixture.result;
import static io.mqrunbooks.runbooks.rdqm.RdqmEngineFixture.state;
import static io.mqrunbooks.runbooks.rdqm.RdqmEngineFixture.unreachable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.mqrunbooks.mq.ControlOutcome;
import io.mqrunbooks.mq.DrStatus;
import io.mqrunbooks.mq.QmStatus;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

@Deployment(resources = {"processes/rdqmFailoverProcess.bpmn", "forms/rdqmFailoverStart.form",
        "forms/rdqmFailoverApprove.form"})
class RdqmFailoverProcessTest extends RunbookEngineTest {

    private static final String QM = "QMDR";

    private ProcessInstance startFailover() {
        ProcessInstance run = start("rdqmFailoverProcess", vars("queueManager", QM, "reason", "INC-9 dr1 lost"));
        runJobs(run);
        return run;
    }

    @Test
    void promotesAndStartsAConsistentSecondaryWhenThePrimaryIsUnreachable() {
        when(lab.control.rdqmStatus("dr1", QM)).thenThrow(unreachable("dr1"));
        when(lab.control.version("dr1")).thenThrow(unreachable("dr1"));
        when(lab.control.rdqmStatus("dr2", QM)).thenReturn(
                rdqm("dr2", QmStatus.ENDED_IMMEDIATELY, false, DrStatus.REMOTE_UNAVAILABLE, null, null, null),
                rdqm("dr2", QmStatus.ENDED_IMMEDIATELY, false, DrStatus.REMOTE_UNAVAILABLE, null, null, null),
                rdqm("dr2", QmStatus.ENDED_IMMEDIATELY, true, DrStatus.REMOTE_UNAVAILABLE, 0L, null, null),
                rdqm("dr2", QmStatus.RUNNING, true, DrStatus.REMOTE_UNAVAILABLE, 0L, null, null));
        when(lab.control.status("dr2", QM)).thenReturn(state("dr2", QM, QmStatus.ENDED_IMMEDIATELY));
        when(lab.control.makeDrPrimary("dr2", QM)).thenReturn(result(ControlOutcome.MADE_PRIMARY));
        when(lab.control.start("dr2", QM)).thenReturn(result(ControlOutcome.STARTED));

        ProcessInstance run = startFailover();

        assertThat(task(run).getTaskDefinitionKey()).isEqualTo("userTask_approveFailover");
        // the lost primary's version cannot be read; the gate opens and says so
        assertThat((String) variable(run, "versionReport")).startsWith("""
                Host  Queue manager  Installed  Bulletins
                dr1   QMDR           not read   -
                dr2   QMDR           9.4.0.0    CVE-2026-1713, CVE-2026-10027
                dr1: dspmqver could not run: dr1 (127.0.0.1:22101): connection refused
                WARNING: dr2 runs 9.4.0.0, affected by CVE-2026-1713 (9.4.0.0–9.4.0.17 LTS; fixed in 9.4.0.20, 9.4.5.0;""");
        assertThat(variable(run, "dataLossOnPromotion")).isEqualTo(false);
        assertThat(variable(run, "dataLossWarning")).isEqualTo("Possible loss: asynchronous replication. Updates the"
                + " primary made that had not reached dr2 when it was lost are missing on the new primary. dr2 shows DR"
                + " status: Remote unavailable; amount as shown by the status: the secondary's data (the snapshot) uses"
                + " 51MB used, 1.0GB allocated [5%].");
        assertThat((String) variable(run, "failoverSummary")).contains(
                "Primary node dr1 cannot be reached: dr1 (127.0.0.1:22101): connection refused",
                "Plan: on dr2 rdqmdr -m QMDR -p, then strmqm QMDR.");
        verify(lab.control, never()).makeDrPrimary(anyString(), anyString());

        decide(run, "userTask_approveFailover", vars("failoverDecision", "approve"));

        assertThat(variable(run, "outcome")).isEqualTo("completed");
        InOrder order = inOrder(lab.control);
        order.verify(lab.control).makeDrPrimary("dr2", QM);
        order.verify(lab.control).start("dr2", QM);
        assertThat(variable(run, "dataLossRecord")).isEqualTo("Promoted without a snapshot revert; 'DR out of sync"
                + " data' on the new primary: 0KB (0 bytes).");
    }

    @Test
    void anInconsistentSecondaryRevertsToItsSnapshotAndTheLossIsStatedAndRecorded() {
        when(lab.control.rdqmStatus("dr1", QM)).thenThrow(unreachable("dr1"));
        when(lab.control.rdqmStatus("dr2", QM)).thenReturn(
                rdqm("dr2", QmStatus.ENDED_IMMEDIATELY, false, DrStatus.INCONSISTENT, null, null, null),
                rdqm("dr2", QmStatus.ENDED_IMMEDIATELY, false, DrStatus.INCONSISTENT, null, null, null),
                rdqm("dr2", QmStatus.ENDED_IMMEDIATELY, true, DrStatus.REVERTING_TO_SNAPSHOT, null, null, null),
                rdqm("dr2", QmStatus.ENDED_IMMEDIATELY, true, DrStatus.REVERTING_TO_SNAPSHOT, null, null, null),
                rdqm("dr2", QmStatus.ENDED_UNEXPECTEDLY, true, DrStatus.REMOTE_UNAVAILABLE, 4000L, null, null),
                rdqm("dr2", QmStatus.RUNNING, true, DrStatus.REMOTE_UNAVAILABLE, 4000L, null, null));
        when(lab.control.status("dr2", QM)).thenReturn(state("dr2", QM, QmStatus.ENDED_UNEXPECTEDLY));
        when(lab.control.makeDrPrimary("dr2", QM)).thenReturn(result(ControlOutcome.MADE_PRIMARY));
        when(lab.control.start("dr2", QM)).thenReturn(result(ControlOutcome.STARTED));

        ProcessInstance run = startFailover();

        assertThat(variable(run, "dataLossOnPromotion")).isEqualTo(true);
        assertThat(variable(run, "dataLossWarning")).isEqualTo("DATA LOSS: dr2 shows DR status: Inconsistent: the"
                + " replication link failed while a synchronization was in progress. Promoting it reverts it to the"
                + " snapshot taken when the link first failed: every update made on the primary since then is lost."
                + " Amount as shown by the status: the secondary's data (the snapshot) uses 51MB used, 1.0GB allocated"
                + " [5%]. The primary, which tracks 'DR out of sync data', cannot be asked.");
        assertThat((String) variable(run, "failoverSummary")).contains(
                "Plan: on dr2 rdqmdr -m QMDR -p, wait while it shows Reverting to snapshot, then strmqm QMDR.",
                "  DR status: Inconsistent");

        decide(run, "userTask_approveFailover", vars("failoverDecision", "approve"));

        // rdqmdr -p done; the node reverts: the run waits on a timer, no thread held.
        assertThat(variable(run, "revertingToSnapshot")).isEqualTo(true);
        verify(lab.control, never()).start(anyString(), anyString());
        fireTimer(run);
        assertThat(variable(run, "revertStatus")).isEqualTo("dr2: DR role Primary, queue manager Ended immediately, DR"
                + " status Reverting to snapshot");
        verify(lab.control, never()).start(anyString(), anyString());
        fireTimer(run);

        assertThat(variable(run, "revertPolls")).isEqualTo(2);
        assertThat(variable(run, "outcome")).isEqualTo("completed");
        verify(lab.control).start("dr2", QM);
        assertThat(variable(run, "dataLossRecord")).isEqualTo("Reverted to the snapshot: the updates made on the old"
                + " primary since the first link failure are lost; 'DR out of sync data' on the new primary: 4000KB"
                + " (4096000 bytes).");
    }

    @Test
    void refusedWhileThePrimaryCanBeReached() {
        when(lab.control.rdqmStatus("dr1", QM)).thenReturn(primaryNormal("dr1"));
        when(lab.control.rdqmStatus("dr2", QM)).thenReturn(RdqmEngineFixture.secondaryNormal("dr2"));

        ProcessInstance run = startFailover();

        assertThat(variable(run, "refusalCode")).isEqualTo("PRIMARY_REACHABLE");
        assertThat(variable(run, "outcome")).isEqualTo("aborted: Failover refused: both nodes answer (dr1: DR role"
                + " Primary, queue manager Running, DR status Normal, DR out of sync data 0KB (0 bytes); dr2: DR role"
                + " Secondary, queue manager Ended immediately, DR status Normal). An unplanned failover is for a"
                + " primary node that cannot be reached; with dr1 reachable, use the planned switchover, which loses"
                + " nothing");
        verify(lab.control, never()).makeDrPrimary(anyString(), anyString());
    }

    @Test
    void refusedWhenNeitherNodeCanBeReached() {
        when(lab.control.rdqmStatus("dr1", QM)).thenThrow(unreachable("dr1"));
        when(lab.control.rdqmStatus("dr2", QM)).thenThrow(unreachable("dr2"));

        ProcessInstance run = startFailover();

        assertThat(variable(run, "refusalCode")).isEqualTo("BOTH_NODES_UNREACHABLE");
    }

    @Test
    void notNeededWhenTheSurvivorAlreadyRunsAsPrimary() {
        when(lab.control.rdqmStatus("dr1", QM)).thenReturn(primaryNormal("dr1"));
        when(lab.control.rdqmStatus("dr2", QM)).thenThrow(unreachable("dr2"));

        ProcessInstance run = startFailover();

        assertThat(variable(run, "refusalCode")).isEqualTo("SURVIVOR_ALREADY_PRIMARY");
        assertThat(variable(run, "outcome")).isEqualTo("aborted: Failover not needed: dr1: DR role Primary, queue"
                + " manager Running, DR status Normal, DR out of sync data 0KB (0 bytes). The unreachable node dr2 is"
                + " not the running primary; to rebuild it use the node replacement runbook");
    }

    @Test
    void rejectedGatePromotesNothing() {
        when(lab.control.rdqmStatus("dr1", QM)).thenThrow(unreachable("dr1"));
        when(lab.control.rdqmStatus("dr2", QM)).thenReturn(
                rdqm("dr2", QmStatus.ENDED_IMMEDIATELY, false, DrStatus.INCONSISTENT, null, null, null));

        ProcessInstance run = startFailover();
        decide(run, "userTask_approveFailover", vars("failoverDecision", "reject"));

        assertThat(variable(run, "outcome")).isEqualTo("rejected");
        verify(lab.control, never()).makeDrPrimary(anyString(), anyString());
    }

    @Test
    void aStartThatKeepsFailingBecomesAnIncident() {
        when(lab.control.rdqmStatus("dr1", QM)).thenThrow(unreachable("dr1"));
        when(lab.control.rdqmStatus("dr2", QM)).thenReturn(
                rdqm("dr2", QmStatus.ENDED_IMMEDIATELY, false, DrStatus.REMOTE_UNAVAILABLE, null, null, null),
                rdqm("dr2", QmStatus.ENDED_IMMEDIATELY, false, DrStatus.REMOTE_UNAVAILABLE, null, null, null),
                rdqm("dr2", QmStatus.ENDED_IMMEDIATELY, true, DrStatus.REMOTE_UNAVAILABLE, 0L, null, null));
        when(lab.control.status("dr2", QM)).thenReturn(state("dr2", QM, QmStatus.ENDED_IMMEDIATELY));
        when(lab.control.makeDrPrimary("dr2", QM)).thenReturn(result(ControlOutcome.MADE_PRIMARY));
        when(lab.control.start("dr2", QM)).thenReturn(new io.mqrunbooks.mq.ControlResult(
                ControlOutcome.REFUSED, java.util.List.of("AMQ7017E: Log not available."), 23));

        ProcessInstance run = startFailover();
        decide(run, "userTask_approveFailover", vars("failoverDecision", "approve"));
        Incident incident = exhaustRetries(run);

        assertThat(incident.getActivityId()).isEqualTo("serviceTask_startQueueManager");
        assertThat(incident.getIncidentMessage()).isEqualTo("dr2: strmqm QMDR was refused (REFUSED, exit code 23):"
                + " AMQ7017E: Log not available.");
    }
}

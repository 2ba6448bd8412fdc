package io.mqrunbooks.runbooks.rdqmha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.mqrunbooks.adapter.inbound.camunda.rdqmha.AssessHaMaintenanceDelegate;
import io.mqrunbooks.adapter.inbound.camunda.rdqmha.CheckHaEvacuationDelegate;
import io.mqrunbooks.adapter.inbound.camunda.rdqmha.SuspendHaNodeDelegate;
import io.mqrunbooks.mq.ControlOutcome;
import io.mqrunbooks.mq.ControlResult;
import io.mqrunbooks.mq.QmStatus;
import io.mqrunbooks.mq.RdqmHaStatus;
import io.mqrunbooks.application.rdqmha.RdqmHaMaintenance;
import io.mqrunbooks.runbooks.rdqm.RunbookEngineTest;
import io.mqrunbooks.testsupport.RunbookTestEngine;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The runbook on the engine with the control port mocked: a refused rdqmadm is an incident, a retry does no work twice. */
@Deployment(resources = {"processes/rdqmHaNodeMaintenanceProcess.bpmn", "forms/rdqmHaMaintenanceStart.form",
        "forms/rdqmHaMaintenanceApprove.form", "forms/rdqmHaEvacuationWaitDecide.form",
        "forms/rdqmHaMaintenanceConfirm.form", "forms/rdqmHaResumeWaitDecide.form",
        "forms/rdqmHaReturnWaitDecide.form"})
class RdqmHaNodeMaintenanceProcessTest extends RunbookEngineTest {

    private static final List<String> NODES = List.of("ha1", "ha2", "ha3");

    @BeforeEach
    void delegates() {
        RdqmHaMaintenance maintenance = new RdqmHaMaintenance(lab.estate, lab.control);
        Mocks.register("assessHaMaintenanceDelegate", new AssessHaMaintenanceDelegate(maintenance));
        Mocks.register("suspendHaNodeDelegate", new SuspendHaNodeDelegate(maintenance));
        Mocks.register("checkHaEvacuationDelegate", new CheckHaEvacuationDelegate(maintenance, RunbookTestEngine.WAITS));
        for (String node : NODES) {
            Map<String, Boolean> online = new LinkedHashMap<>();
            NODES.forEach(n -> online.put(n, true));
            when(lab.control.rdqmHaNodes(node)).thenReturn(online);
            for (String queueManager : List.of("QMHA1", "QMHA2", "QMHA3")) {
                String home = "ha" + queueManager.charAt(4);
                Map<String, String> others = new LinkedHashMap<>();
                NODES.stream().filter(n -> !n.equals(node)).forEach(n -> others.put(n, "Normal"));
                when(lab.control.rdqmHaStatus(node, queueManager)).thenReturn(new RdqmHaStatus(node,
                        node.equals(home) ? QmStatus.RUNNING : QmStatus.RUNNING_ELSEWHERE, node.equals(home), "Normal",
                        home, List.of(home), others, Map.of(), Map.of()));
            }
        }
    }

    @Test
    void aRefusedSuspendBecomesAnIncidentWithTheCommandsLines() {
        when(lab.control.suspendHaNode("ha1")).thenReturn(new ControlResult(ControlOutcome.REFUSED,
                List.of("Node 'ha1' cannot be suspended: it is the last active node of the HA group."), 1));
        ProcessInstance run = approved();

        Incident incident = exhaustRetries(run);

        assertThat(incident.getActivityId()).isEqualTo("serviceTask_suspendNode");
        assertThat(incident.getIncidentMessage()).isEqualTo("ha1: rdqmadm -s was refused (REFUSED, exit code 1): Node"
                + " 'ha1' cannot be suspended: it is the last active node of the HA group.");
    }

    @Test
    void aRetriedSuspendOfANodeAlreadyOfflineRunsNothing() {
        Map<String, Boolean> ha1Offline = new LinkedHashMap<>();
        NODES.forEach(n -> ha1Offline.put(n, !n.equals("ha1")));
        ProcessInstance run = start("rdqmHaNodeMaintenanceProcess", vars("haNode", "ha1", "reason", "CHG-9"));
        runJobs(run);
        // The pre-flight saw every node online; by the time the step runs, ha1 is already suspended.
        when(lab.control.rdqmHaNodes("ha1")).thenReturn(ha1Offline);
        decide(run, "userTask_approveMaintenance", vars("maintenanceDecision", "approve"));

        verify(lab.control, never()).suspendHaNode(anyString());
        assertThat((String) variable(run, "runLog"))
                .startsWith("ha1: already offline (suspended) in the HA group: rdqmadm -s not needed");
    }

    private ProcessInstance approved() {
        ProcessInstance run = start("rdqmHaNodeMaintenanceProcess", vars("haNode", "ha1", "reason", "CHG-9"));
        runJobs(run);
        assertThat(task(run).getTaskDefinitionKey()).isEqualTo("userTask_approveMaintenance");
        decide(run, "userTask_approveMaintenance", vars("maintenanceDecision", "approve"));
        return run;
    }
}

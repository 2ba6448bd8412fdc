package io.mqrunbooks.application.rdqmha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.mqrunbooks.application.port.out.MqControlPort;
import io.mqrunbooks.application.port.out.SshException;
import io.mqrunbooks.mq.ControlOutcome;
import io.mqrunbooks.mq.ControlResult;
import io.mqrunbooks.mq.QmStatus;
import io.mqrunbooks.mq.RdqmHaStatus;
import io.mqrunbooks.application.RunbookRefusal;
import io.mqrunbooks.estate.Estate;
import io.mqrunbooks.estate.Host;
import io.mqrunbooks.estate.QueueManager;
import io.mqrunbooks.estate.QueueManagerKind;
import io.mqrunbooks.estate.Site;
import io.mqrunbooks.estate.Transport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The maintenance's decisions on readings the port returns: refusals in words, the plan, idempotent steps. */
class RdqmHaMaintenanceTest {

    private static final List<String> NODES = List.of("ha1", "ha2", "ha3");

    private final MqControlPort control = mock(MqControlPort.class);
    private RdqmHaMaintenance maintenance;

    @BeforeEach
    void estate() {
        List<Host> hosts = NODES.stream().map(n -> new Host(n, "127.0.0.1", 22000, "mqm", true, "east", null)).toList();
        Estate estate = new Estate(List.of(new Site("east")), hosts, List.of(
                new QueueManager("QMA", QueueManagerKind.RDQM_HA, List.of("ha1", "ha2", "ha3"), "LISTENER.TCP", 1481,
                        Transport.MQSC_SSH, null, null, null),
                new QueueManager("QMB", QueueManagerKind.RDQM_HA, List.of("ha2", "ha3", "ha1"), "LISTENER.TCP", 1482,
                        Transport.MQSC_SSH, null, null, null)), List.of(), List.of());
        maintenance = new RdqmHaMaintenance(estate, control);
        for (String node : NODES) {
            when(control.rdqmHaNodes(node)).thenReturn(online(true, true, true));
        }
        runs("QMA", "ha1", "ha1");
        runs("QMB", "ha2", "ha2");
    }

    @Test
    void plansWhereEachQueueManagerMovesWhenEveryNodeIsOnlineAndNormal() {
        RdqmHaMaintenance.Plan plan = maintenance.assess("ha1");

        assertThat(plan.moving()).containsExactly("QMA");
        assertThat(plan.preferred()).containsEntry("QMA", List.of("ha1")).containsEntry("QMB", List.of("ha2"));
        assertThat(plan.summary())
                .contains("QMA | ha1 | ha1 | Normal | moves to ha2, back to ha1 when it resumes")
                .contains("QMB | ha2 | ha2 | Normal | stays on ha2")
                .contains("Plan: on ha1 rdqmadm -s");
    }

    @Test
    void refusesWhenAnotherNodeIsOfflineOrTheNodeItselfIs() {
        when(control.rdqmHaNodes("ha2")).thenReturn(online(true, true, false));
        assertThatThrownBy(() -> maintenance.assess("ha1")).isInstanceOf(RunbookRefusal.class)
                .hasMessageStartingWith("Maintenance of ha1 refused: another node, ha3, is already offline")
                .extracting(e -> ((RunbookRefusal) e).code()).isEqualTo("OTHER_NODE_OFFLINE");
        assertThatThrownBy(() -> maintenance.assess("ha3")).isInstanceOf(RunbookRefusal.class)
                .extracting(e -> ((RunbookRefusal) e).code()).isEqualTo("NODE_ALREADY_OFFLINE");
    }

    @Test
    void refusesWhenAnHaStatusIsNotNormalOrANodeCannotBeReached() {
        when(control.rdqmHaStatus("ha3", "QMB")).thenReturn(status("ha3", "QMB", "ha2", List.of("ha2"), "Mixed",
                Map.of("ha1", "Normal", "ha2", "Synchronization in progress")));
        assertThatThrownBy(() -> maintenance.assess("ha1")).isInstanceOf(RunbookRefusal.class)
                .hasMessageContaining("QMB on ha3: HA status Mixed; node ha2 Synchronization in progress");

        when(control.rdqmHaNodes("ha2")).thenThrow(new SshException(SshException.Kind.HOST_UNREACHABLE, "ha2",
                "host ha2 is unreachable: connection refused"));
        assertThatThrownBy(() -> maintenance.assess("ha1")).isInstanceOf(RunbookRefusal.class)
                .hasMessageStartingWith("Maintenance of ha1 refused: ha2 cannot be reached")
                .extracting(e -> ((RunbookRefusal) e).code()).isEqualTo("NODE_UNREACHABLE");
    }

    @Test
    void refusesANodeOfNoHaGroup() {
        assertThatThrownBy(() -> maintenance.assess("dr1")).isInstanceOf(RunbookRefusal.class)
                .hasMessage("'dr1' is not a node of an RDQM HA group in the inventory: this runbook maintains the nodes"
                        + " of RDQM HA groups");
    }

    @Test
    void suspendAndResumeRunOnlyWhenNeeded() {
        when(control.suspendHaNode("ha1")).thenReturn(new ControlResult(ControlOutcome.SUSPENDED,
                List.of("The replicated data node 'ha1' has been suspended."), 0));
        assertThat(maintenance.suspend("ha1")).isEqualTo("ha1: rdqmadm -s: SUSPENDED (The replicated data node 'ha1' has been suspended.)");
        assertThat(maintenance.resume("ha1")).isEqualTo("ha1: online in the HA group: rdqmadm -r not needed");
        verify(control, never()).resumeHaNode(anyString());

        when(control.rdqmHaNodes("ha1")).thenReturn(online(false, true, true));
        assertThat(maintenance.suspend("ha1"))
                .isEqualTo("ha1: already offline (suspended) in the HA group: rdqmadm -s not needed");
        when(control.resumeHaNode("ha1")).thenReturn(new ControlResult(ControlOutcome.REFUSED,
                List.of("Node 'ha1' cannot be resumed."), 1));
        assertThatThrownBy(() -> maintenance.resume("ha1")).isInstanceOf(IllegalStateException.class)
                .hasMessage("ha1: rdqmadm -r was refused (REFUSED, exit code 1): Node 'ha1' cannot be resumed.");
    }

    @Test
    void theEvacuationWaitsUntilTheQueueManagersRunElsewhereWithTheOthersNormal() {
        when(control.rdqmHaNodes("ha1")).thenReturn(online(false, true, true));
        RdqmHaMaintenance.Poll stillThere = maintenance.pollEvacuation("ha1");
        assertThat(stillThere.done()).isFalse();
        assertThat(stillThere.status()).startsWith("Waiting: QMA runs on ha1");

        runs("QMA", "ha2", "ha1");
        // The suspended node shows Remote unavailable to the others: expected, not a reason to wait.
        for (String node : List.of("ha2", "ha3")) {
            Map<String, String> others = new LinkedHashMap<>();
            NODES.stream().filter(n -> !n.equals(node)).forEach(n -> others.put(n, n.equals("ha1")
                    ? "Remote unavailable" : "Normal"));
            when(control.rdqmHaStatus(node, "QMA")).thenReturn(status(node, "QMA", "ha2", List.of("ha1"), "Mixed",
                    others));
        }
        RdqmHaMaintenance.Poll moved = maintenance.pollEvacuation("ha1");
        assertThat(moved.status()).isEqualTo(
                "Every queue manager runs on another node than ha1; HA status Normal on the remaining nodes");
        assertThat(moved.done()).isTrue();
    }

    @Test
    void theResumeWaitsWhileAnotherNodeIsOfflineButNotForTheSuspendedNodeItself() {
        runs("QMA", "ha2", "ha1");
        for (String node : NODES) {
            when(control.rdqmHaNodes(node)).thenReturn(online(false, true, false));
        }
        RdqmHaMaintenance.Poll otherOffline = maintenance.pollResumeReady("ha1");
        assertThat(otherOffline.done()).isFalse();
        assertThat(otherOffline.status()).isEqualTo("Waiting: ha3 is offline (rdqmstatus -n on ha1)");

        for (String node : NODES) {
            when(control.rdqmHaNodes(node)).thenReturn(online(false, true, true));
        }
        RdqmHaMaintenance.Poll ready = maintenance.pollResumeReady("ha1");
        assertThat(ready.status()).isEqualTo("The other nodes than ha1 are online; every queue manager runs on one of"
                + " them with HA status Normal: ha1 can be resumed");
        assertThat(ready.done()).isTrue();
    }

    @Test
    void restoresOnlyThePreferredLocationsThatChanged() {
        runs("QMA", "ha2", "ha2");
        when(control.setHaPreferredLocation("ha1", "QMA", List.of("ha1"))).thenReturn(new ControlResult(
                ControlOutcome.PREFERRED_LOCATION_SET, List.of("The preferred location of queue manager 'QMA' has"
                + " been set to 'ha1'."), 0));

        List<String> log = maintenance.restorePreferredLocations("ha1",
                Map.of("QMA", List.of("ha1"), "QMB", List.of("ha2")));

        assertThat(log).containsExactlyInAnyOrder("ha1: rdqmadm -p -m QMA -n ha1: PREFERRED_LOCATION_SET (The"
                + " preferred location of queue manager 'QMA' has been set to 'ha1'.)",
                "QMB: preferred location still ha2: rdqmadm -p not needed");
        verify(control).setHaPreferredLocation("ha1", "QMA", List.of("ha1"));
        verify(control, never()).setHaPreferredLocation(anyString(), org.mockito.ArgumentMatchers.eq("QMB"), any());
    }

    private void runs(String queueManager, String on, String preferred) {
        for (String node : NODES) {
            Map<String, String> others = new LinkedHashMap<>();
            NODES.stream().filter(n -> !n.equals(node)).forEach(n -> others.put(n, "Normal"));
            when(control.rdqmHaStatus(node, queueManager)).thenReturn(status(node, queueManager, on,
                    List.of(preferred), "Normal", others));
        }
    }

    private static RdqmHaStatus status(String node, String queueManager, String on, List<String> preferred,
                                       String haStatus, Map<String, String> others) {
        return new RdqmHaStatus(node, node.equals(on) ? QmStatus.RUNNING : QmStatus.RUNNING_ELSEWHERE, node.equals(on),
                haStatus, on, preferred, others, Map.of(), Map.of("Queue manager name", queueManager));
    }

    private static Map<String, Boolean> online(boolean ha1, boolean ha2, boolean ha3) {
        Map<String, Boolean> online = new LinkedHashMap<>();
        online.put("ha1", ha1);
        online.put("ha2", ha2);
        online.put("ha3", ha3);
        return online;
    }
}

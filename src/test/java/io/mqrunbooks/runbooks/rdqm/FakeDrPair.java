package io.mqrunbooks.runbooks.rdqm;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.when;

import io.mqrunbooks.application.port.out.MqControlPort;
import io.mqrunbooks.mq.ControlOutcome;
import io.mqrunbooks.application.port.out.control.DrPrimarySpec;
import io.mqrunbooks.application.port.out.control.DrSecondaryCommand;
import io.mqrunbooks.mq.DrStatus;
import io.mqrunbooks.mq.QmStatus;
import io.mqrunbooks.mq.QueueManagerState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A small stateful stand-in for QMDR on dr1/dr2 behind the mocked {@link MqControlPort}, for the engine tests of the
 * runbooks with many steps (node replacement, create, delete): each command changes the state the next read sees.
 */
final class FakeDrPair {

    static final class Node {
        boolean exists = true;
        boolean primary;
        boolean running;
    }

    final Map<String, Node> nodes = new HashMap<>();
    final Set<String> unreachable = new HashSet<>();
    final List<String> commands = new ArrayList<>();
    /** How many synchronization polls show "Synchronization in progress" after crtmqm -rr s, before Normal. */
    int syncPollsAfterCreate;
    /** Per node: how many rdqmstatus reads as DR primary show "Reverting to snapshot" (a promoted, inconsistent secondary). */
    final Map<String, Integer> revertingReads = new HashMap<>();
    private int syncPollsLeft;
    private int syncPollsTotal;
    DrSecondaryCommand printedCommand;

    FakeDrPair(MqControlPort control) {
        nodes.put("dr1", new Node());
        nodes.put("dr2", new Node());
        nodes.get("dr1").primary = true;
        nodes.get("dr1").running = true;
        when(control.status(anyString(), anyString())).thenAnswer(i -> status(i.getArgument(0)));
        when(control.rdqmStatus(anyString(), anyString())).thenAnswer(i -> rdqm(i.getArgument(0)));
        when(control.end(anyString(), anyString(), any(), anyBoolean())).thenAnswer(i -> {
            String host = reachable(i.getArgument(0));
            commands.add(host + ": endmqm " + ((io.mqrunbooks.application.port.out.control.EndMode) i.getArgument(2))
                    .flag() + " QMDR");
            nodes.get(host).running = false;
            return RdqmEngineFixture.result(ControlOutcome.ENDED);
        });
        when(control.start(anyString(), anyString())).thenAnswer(i -> {
            String host = reachable(i.getArgument(0));
            commands.add(host + ": strmqm QMDR");
            nodes.get(host).running = true;
            return RdqmEngineFixture.result(ControlOutcome.STARTED);
        });
        when(control.makeDrPrimary(anyString(), anyString())).thenAnswer(i -> {
            String host = reachable(i.getArgument(0));
            commands.add(host + ": rdqmdr -m QMDR -p");
            nodes.get(host).primary = true;
            return RdqmEngineFixture.result(ControlOutcome.MADE_PRIMARY);
        });
        when(control.makeDrSecondary(anyString(), anyString())).thenAnswer(i -> {
            String host = reachable(i.getArgument(0));
            commands.add(host + ": rdqmdr -m QMDR -s");
            nodes.get(host).primary = false;
            return RdqmEngineFixture.result(ControlOutcome.MADE_SECONDARY);
        });
        when(control.delete(anyString(), anyString())).thenAnswer(i -> {
            String host = reachable(i.getArgument(0));
            commands.add(host + ": dltmqm QMDR");
            nodes.get(host).exists = false;
            return RdqmEngineFixture.result(ControlOutcome.DELETED);
        });
        when(control.drSecondaryCommand(anyString(), anyString())).thenAnswer(i -> {
            String host = reachable(i.getArgument(0));
            commands.add(host + ": rdqmdr -m QMDR -d");
            return printedCommand != null ? printedCommand : secondaryCommandFrom(host);
        });
        when(control.createDrSecondary(anyString(), any())).thenAnswer(i -> {
            String host = reachable(i.getArgument(0));
            commands.add(host + ": " + ((DrSecondaryCommand) i.getArgument(1)).commandLine());
            Node node = nodes.get(host);
            node.exists = true;
            node.primary = false;
            node.running = false;
            syncPollsLeft = syncPollsAfterCreate;
            syncPollsTotal = syncPollsAfterCreate;
            return RdqmEngineFixture.result(ControlOutcome.CREATED);
        });
        when(control.createDrPrimary(anyString(), any())).thenAnswer(i -> {
            String host = reachable(i.getArgument(0));
            DrPrimarySpec spec = i.getArgument(1);
            commands.add(host + ": crtmqm -rr p -rt " + (spec.synchronous() ? "s" : "a") + " -rl " + spec.localAddress()
                    + " -ri " + spec.remoteAddress() + " -rn " + spec.remoteNode() + " -rp " + spec.replicationPort()
                    + " -p " + spec.listenerPort() + " " + spec.queueManager());
            Node node = nodes.get(host);
            node.exists = true;
            node.primary = true;
            node.running = false;
            return secondaryCommandFrom(host);
        });
    }

    static DrSecondaryCommand secondaryCommandFrom(String primary) {
        String other = primary.equals("dr1") ? "dr2" : "dr1";
        return new DrSecondaryCommand("QMDR", address(other), address(primary), primary, 7001, null);
    }

    static String address(String host) {
        return host.equals("dr1") ? "127.0.2.14" : "127.0.2.15";
    }

    private String reachable(String host) {
        if (unreachable.contains(host)) {
            throw RdqmEngineFixture.unreachable(host);
        }
        return host;
    }

    private QueueManagerState status(String host) {
        Node node = nodes.get(reachable(host));
        QmStatus status = !node.exists ? QmStatus.NOT_KNOWN : node.running ? QmStatus.RUNNING
                : QmStatus.ENDED_IMMEDIATELY;
        return new QueueManagerState(host, "QMDR", status, List.of());
    }

    private io.mqrunbooks.mq.RdqmDrStatus rdqm(String host) {
        Node node = nodes.get(reachable(host));
        if (!node.exists) {
            throw new IllegalStateException("rdqmstatus: QMDR does not exist on " + host);
        }
        String other = host.equals("dr1") ? "dr2" : "dr1";
        boolean otherThere = !unreachable.contains(other) && nodes.get(other).exists;
        QmStatus qm = node.running ? QmStatus.RUNNING : QmStatus.ENDED_IMMEDIATELY;
        if (node.primary && revertingReads.getOrDefault(host, 0) > 0) {
            revertingReads.merge(host, -1, Integer::sum);
            return RdqmEngineFixture.rdqm(host, qm, true, DrStatus.REVERTING_TO_SNAPSHOT, null, null, null);
        }
        if (!otherThere) {
            return RdqmEngineFixture.rdqm(host, qm, node.primary, DrStatus.REMOTE_UNAVAILABLE,
                    node.primary ? 0L : null, null, null);
        }
        if (syncPollsLeft > 0) {
            if (host.equals("dr2")) {
                syncPollsLeft--;
            }
            double done = 100.0 * (syncPollsTotal - syncPollsLeft) / (syncPollsTotal + 1);
            return RdqmEngineFixture.rdqm(host, qm, node.primary, DrStatus.SYNCHRONIZATION_IN_PROGRESS,
                    node.primary ? 52224L : null, Math.round(done * 10) / 10.0, "2026-11-21 07:30:00");
        }
        return RdqmEngineFixture.rdqm(host, qm, node.primary, DrStatus.NORMAL, node.primary ? 0L : null, null, null);
    }
}

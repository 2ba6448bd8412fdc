package io.mqrunbooks.application.rdqmha;


import io.mqrunbooks.application.port.out.MqControlPort;
import io.mqrunbooks.application.port.out.SshException;
import io.mqrunbooks.mq.ControlOutcome;
import io.mqrunbooks.mq.ControlResult;
import io.mqrunbooks.mq.RdqmHaStatus;
import io.mqrunbooks.application.RunbookRefusal;
import io.mqrunbooks.estate.Estate;
import io.mqrunbooks.mq.NameRules;
import io.mqrunbooks.estate.QueueManager;
import io.mqrunbooks.estate.QueueManagerKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * RDQM HA node maintenance (IBM MQ, rdqmadm: "Suspend the local node ... Any replicated data queue managers (RDQMs)
 * running on that node are stopped and restarted on an active node"; "Resume the local node ... If the node was the
 * preferred location of an RDQM, the queue manager is stopped and restarted on this node"). Reads the group before
 * anything changes and refuses unless every node is online and every HA status is Normal; each side-effecting step
 * reads the state first, so a retried step never runs its command twice.
 */
@Service
public class RdqmHaMaintenance {

    private final Estate estate;
    private final MqControlPort control;

    public RdqmHaMaintenance(Estate estate, MqControlPort control) {
        this.estate = estate;
        this.control = control;
    }

    /** What the change manager approves: the node, where each queue manager runs and prefers to run, the table. */
    public record Plan(String node, Map<String, List<String>> preferred, List<String> moving, String summary) {
    }

    /** The group of an inventory node: its nodes and its HA queue managers, or a refusal. */
    public record Group(List<String> nodes, List<String> queueManagers) {
    }

    public Group group(String node) {
        if (node == null || node.isBlank()) {
            throw new RunbookRefusal("NOT_RDQM_HA_NODE", "No node was given");
        }
        NameRules.checkHostName(node).ifPresent(problem -> {
            throw new RunbookRefusal("NOT_RDQM_HA_NODE", "Node name " + problem);
        });
        List<QueueManager> members = estate.queueManagers().stream()
                .filter(q -> q.kind() == QueueManagerKind.RDQM_HA && q.hosts().contains(node)).toList();
        if (members.isEmpty()) {
            throw new RunbookRefusal("NOT_RDQM_HA_NODE", "'" + node + "' is not a node of an RDQM HA group in the"
                    + " inventory: this runbook maintains the nodes of RDQM HA groups");
        }
        return new Group(members.get(0).hosts(), members.stream().map(QueueManager::name).toList());
    }

    /** rdqmstatus -n and rdqmstatus -m QM on every node of the group; a node that cannot be reached is recorded. */
    public HaGroupReading read(Group group) {
        Map<String, String> unreachable = new LinkedHashMap<>();
        Map<String, Map<String, Boolean>> online = new LinkedHashMap<>();
        Map<String, Map<String, RdqmHaStatus>> statuses = new LinkedHashMap<>();
        for (String node : group.nodes()) {
            try {
                online.put(node, control.rdqmHaNodes(node));
                for (String queueManager : group.queueManagers()) {
                    statuses.computeIfAbsent(queueManager, q -> new LinkedHashMap<>())
                            .put(node, control.rdqmHaStatus(node, queueManager));
                }
            } catch (SshException e) {
                if (e.kind() != SshException.Kind.HOST_UNREACHABLE) {
                    throw e;
                }
                unreachable.put(node, e.getMessage());
            }
        }
        return new HaGroupReading(group.nodes(), unreachable, online, statuses);
    }

    /**
     * The pre-flight: refuses, with the reason in plain words, when a node cannot be reached, another node (or this
     * one) is already offline, or any HA status is not Normal; else the plan table.
     */
    public Plan assess(String node) {
        Group group = group(node);
        HaGroupReading reading = read(group);
        if (!reading.unreachable().isEmpty()) {
            String lost = String.join(", ", reading.unreachable().keySet());
            throw new RunbookRefusal("NODE_UNREACHABLE", "Maintenance of " + node + " refused: " + lost
                    + " cannot be reached (" + String.join("; ", reading.unreachable().values()) + "). Suspending "
                    + node + " now could leave the queue managers without a node to run on; recover " + lost + " first");
        }
        Map<String, String> offline = reading.offline();
        if (offline.containsKey(node)) {
            throw new RunbookRefusal("NODE_ALREADY_OFFLINE", "Maintenance of " + node + " refused: " + node
                    + " is already offline in the HA group (rdqmstatus -n on " + offline.get(node) + "). Resume it"
                    + " (rdqmadm -r) or find out why it is offline before starting a maintenance");
        }
        if (!offline.isEmpty()) {
            String other = offline.keySet().iterator().next();
            throw new RunbookRefusal("OTHER_NODE_OFFLINE", "Maintenance of " + node + " refused: another node, "
                    + other + ", is already offline (suspended or down; rdqmstatus -n on " + offline.get(other)
                    + "). With " + node + " suspended as well the queue managers would have a single node left and no"
                    + " replica; finish the work on " + other + " and resume it first");
        }
        List<String> notNormal = reading.notNormal(null);
        if (!notNormal.isEmpty()) {
            throw new RunbookRefusal("HA_STATUS_NOT_NORMAL", "Maintenance of " + node + " refused: HA status is not"
                    + " Normal everywhere (" + String.join("; ", notNormal) + "). Suspending a node while a replica is"
                    + " behind or unavailable risks the queue managers' data; start again when rdqmstatus shows HA"
                    + " status Normal on every node");
        }
        Map<String, List<String>> preferred = new LinkedHashMap<>();
        List<String> moving = new ArrayList<>();
        StringBuilder table = new StringBuilder("Queue manager | Runs on now | Preferred location | HA status | During"
                + " the maintenance of " + node + "\n");
        for (String queueManager : group.queueManagers()) {
            RdqmHaStatus view = reading.view(queueManager);
            String runsOn = reading.runsOn(queueManager);
            preferred.put(queueManager, view.preferredLocation());
            String during;
            if (node.equals(runsOn)) {
                moving.add(queueManager);
                during = "moves to " + expectedTarget(group, view.preferredLocation(), node)
                        + (view.preferredLocation().contains(node) ? ", back to " + node + " when it resumes" : "");
            } else {
                during = runsOn == null ? "does not run: stays ended" : "stays on " + runsOn;
            }
            table.append(queueManager).append(" | ").append(runsOn == null ? "(not running)" : runsOn).append(" | ")
                    .append(view.preferredLocation().isEmpty() ? "None" : String.join(",", view.preferredLocation()))
                    .append(" | ").append(view.haStatus()).append(" | ").append(during).append('\n');
        }
        String summary = "RDQM HA group " + String.join(", ", group.nodes()) + ": every node online (rdqmstatus -n),"
                + " HA status Normal for every queue manager on every node.\n" + table
                + "Plan: on " + node + " rdqmadm -s (suspend the node; Pacemaker restarts its queue managers on the other"
                + " nodes); wait until each runs elsewhere with HA status Normal on the remaining nodes; the operator"
                + " does the maintenance and confirms it; dspmqver on " + node + "; rdqmadm -r (resume); wait until"
                + " every queue manager runs on its preferred location with HA status Normal on every node."
                + (moving.isEmpty() ? " No queue manager runs on " + node + " now: none moves."
                : " Applications of " + String.join(", ", moving) + " are disconnected while they move, twice.");
        return new Plan(node, preferred, moving, summary);
    }

    /** Pacemaker's choice while the node is suspended: the next preferred node, else the group's first other node. */
    private static String expectedTarget(Group group, List<String> preferred, String node) {
        return preferred.stream().filter(n -> !n.equals(node)).findFirst()
                .orElse(group.nodes().stream().filter(n -> !n.equals(node)).findFirst().orElseThrow());
    }

    /** {@code rdqmadm -s} on the node unless rdqmstatus -n there already shows it offline (suspended). */
    public String suspend(String node) {
        return bringTo(node, false, "rdqmadm -s", control::suspendHaNode,
                "already offline (suspended) in the HA group", Set.of(ControlOutcome.SUSPENDED, ControlOutcome.ALREADY_SUSPENDED));
    }

    /** {@code rdqmadm -r} on the node unless rdqmstatus -n there shows it online. */
    public String resume(String node) {
        return bringTo(node, true, "rdqmadm -r", control::resumeHaNode, "online in the HA group",
                Set.of(ControlOutcome.RESUMED, ControlOutcome.NOT_SUSPENDED));
    }

    /** Runs {@code command} on the node unless rdqmstatus -n there already shows it {@code online} or not. */
    private String bringTo(String node, boolean online, String command,
                           java.util.function.Function<String, ControlResult> run, String already,
                           Set<ControlOutcome> accepted) {
        group(node);
        if (Boolean.valueOf(online).equals(control.rdqmHaNodes(node).get(node))) {
            return node + ": " + already + ": " + command + " not needed";
        }
        ControlResult result = run.apply(node);
        result.expect(node, command, accepted);
        return node + ": " + command + ": " + result.summary();
    }

    /** {@code dspmqver} on the node: the level installed after the maintenance, for the run log. */
    public String installedVersion(String node) {
        group(node);
        return node + ": dspmqver: IBM MQ " + control.version(node) + " installed";
    }

    /**
     * {@code rdqmadm -p -m QM -n <nodes>} for each queue manager whose preferred location is no longer the one read
     * before the maintenance (run on the first preferred node); nothing where it still is, since the queue manager
     * then moves back by itself (ibm-messaging/mq-rdqm FAQs.md).
     */
    public List<String> restorePreferredLocations(String node, Map<String, List<String>> preferred) {
        Group group = group(node);
        HaGroupReading reading = read(group);
        List<String> log = new ArrayList<>();
        preferred.forEach((queueManager, nodes) -> {
            RdqmHaStatus view = reading.view(queueManager);
            if (nodes.isEmpty()) {
                log.add(queueManager + ": no preferred location: stays where it runs");
            } else if (view != null && view.preferredLocation().equals(nodes)) {
                log.add(queueManager + ": preferred location still " + String.join(",", nodes)
                        + ": rdqmadm -p not needed");
            } else {
                String on = nodes.get(0);
                ControlResult result = control.setHaPreferredLocation(on, queueManager, nodes);
                String command = "rdqmadm -p -m " + queueManager + " -n " + String.join(",", nodes);
                result.expect(on, command, Set.of(ControlOutcome.PREFERRED_LOCATION_SET));
                log.add(on + ": " + command + ": " + result.summary());
            }
        });
        return log;
    }

    /**
     * One poll while the node is suspended: every queue manager runs on another node and the remaining nodes show HA
     * status Normal (the suspended node shows Remote unavailable, as expected).
     */
    public Poll pollEvacuation(String node) {
        return poll(node, "Every queue manager runs on another node than " + node
                + "; HA status Normal on the remaining nodes", (reading, waiting) -> awayFrom(node, reading, waiting));
    }

    /**
     * One poll after the maintenance, before the resume: the other nodes are online and every queue manager runs on
     * one of them with HA status Normal between them. Resuming makes Pacemaker move the queue managers that prefer
     * the node back to it, and the node's own replicas are behind by what was written while it was suspended; with
     * another node lost or a replica behind, that move would rest on a single up-to-date copy, so the runbook moves
     * nothing and waits (then a change manager decides).
     */
    public Poll pollResumeReady(String node) {
        return poll(node, "The other nodes than " + node + " are online; every queue manager runs on one of them with"
                + " HA status Normal: " + node + " can be resumed", (reading, waiting) -> {
                    reading.offline().forEach((n, viewer) -> {
                        if (!n.equals(node)) {
                            waiting.add(n + " is offline (rdqmstatus -n on " + viewer + ")");
                        }
                    });
                    awayFrom(node, reading, waiting);
                });
    }

    /** Adds each queue manager that does not run on another node than {@code node}, then each HA status not Normal. */
    private static void awayFrom(String node, HaGroupReading reading, List<String> waiting) {
        for (String queueManager : reading.statuses().keySet()) {
            String runsOn = reading.runsOn(queueManager);
            if (runsOn == null || runsOn.equals(node)) {
                waiting.add(queueManager + " runs " + (runsOn == null ? "nowhere" : "on " + node));
            }
        }
        waiting.addAll(reading.notNormal(node));
    }

    /**
     * One poll after the resume: every queue manager runs on its preferred location (as read before the
     * maintenance), every node is online and shows HA status Normal.
     */
    public Poll pollReturn(String node, Map<String, List<String>> preferred) {
        return poll(node, "Every queue manager runs on its preferred location; HA status Normal on every node",
                (reading, waiting) -> {
                    preferred.forEach((queueManager, nodes) -> {
                        String runsOn = reading.runsOn(queueManager);
                        if (!nodes.isEmpty() && !nodes.get(0).equals(runsOn)) {
                            waiting.add(queueManager + " runs " + (runsOn == null ? "nowhere" : "on " + runsOn)
                                    + ", not on its preferred location " + nodes.get(0));
                        }
                    });
                    reading.offline().forEach((n, viewer) -> waiting.add(n + " is offline (rdqmstatus -n on "
                            + viewer + ")"));
                    waiting.addAll(reading.notNormal(null));
                });
    }

    /**
     * @param done    the condition holds
     * @param status  one line: the condition met, or what is still awaited
     * @param summary where each queue manager runs, as read
     */
    public record Poll(boolean done, String status, String summary) {
    }

    /** Reads the group and lists what is still awaited: unreachable nodes, then what {@code checks} adds. */
    private Poll poll(String node, String met, java.util.function.BiConsumer<HaGroupReading, List<String>> checks) {
        Group group = group(node);
        HaGroupReading reading = read(group);
        List<String> waiting = new ArrayList<>();
        reading.unreachable().forEach((n, why) -> waiting.add(n + " cannot be reached (" + why + ")"));
        checks.accept(reading, waiting);
        StringBuilder summary = new StringBuilder();
        for (String queueManager : group.queueManagers()) {
            RdqmHaStatus view = reading.view(queueManager);
            String runsOn = reading.runsOn(queueManager);
            summary.append(queueManager).append(": runs on ").append(runsOn == null ? "no node" : runsOn)
                    .append(view == null ? "" : ", HA status " + view.haStatus() + " " + view.otherNodes())
                    .append('\n');
        }
        boolean done = waiting.isEmpty();
        return new Poll(done, done ? met : "Waiting: " + String.join("; ", waiting), summary.toString().strip());
    }
}

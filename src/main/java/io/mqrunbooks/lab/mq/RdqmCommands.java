package io.mqrunbooks.lab.mq;

import io.mqrunbooks.mq.QmStatus;
import io.mqrunbooks.lab.LabCommandHandler.LabExecution;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * rdqmstatus and rdqmdr for RDQM DR queue managers.
 *
 * <p>Layout: labels padded to 40 columns, as in IBM MQ 9.4 docs "Viewing DR RDQM status"
 * (https://www.ibm.com/docs/en/ibm-mq/9.4?topic=recovery-viewing-dr-rdqm-status and the 9.3 page of the same
 * name), whose summary example is kept in src/test/resources/mq-transcripts/rdqmstatus.txt. The per-queue-manager
 * fields (Queue manager status, CPU, Memory, Queue manager file system, DR role, DR status, DR type, DR port,
 * DR local/remote IP address, DR out of sync data, DR synchronization progress, DR estimated time to completion)
 * and the DR status values are that page's table. rdqmdr's "has been made the DR primary/secondary on this node."
 * lines: github.com/ibm-client-engineering/solution-mq-rdqm-hadr (website/docs). Refusal texts of rdqmdr and
 * strmqm on a secondary were not found in public material: they are lab wording (docs/lab.md).
 */
final class RdqmCommands {

    private static final DateTimeFormatter ETA = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final LabWorld world;

    RdqmCommands(LabWorld world) {
        this.world = world;
    }

    LabExecution rdqmstatus(String host, List<String> args) {
        if (args.isEmpty()) {
            return summary(host);
        }
        if (args.equals(List.of("-n"))) {
            return haNodes(host);
        }
        if (args.size() != 2 || !args.get(0).equals("-m")) {
            return ControlCommands.usage("rdqmstatus");
        }
        String qmName = args.get(1);
        Optional<QueueManagerRuntime> found = world.runtime(host, qmName);
        if (found.isEmpty()) {
            return Output.error(16, ControlCommands.DOES_NOT_EXIST);
        }
        QueueManagerRuntime node = found.get();
        if (node.ha != null) {
            return haStatus(host, node);
        }
        if (!node.isRdqm()) {
            return Output.error(1, "Queue manager '" + qmName + "' is not a replicated data queue manager.");
        }
        RdqmPair pair = node.pair;
        Instant now = world.now();
        Output out = nodeStatus(host, node, node.running());
        line(out, "DR role:", node.drRole.text());
        String drStatus = drStatus(node);
        line(out, "DR status:", drStatus);
        line(out, "DR type:", pair.synchronous ? "Synchronous" : "Asynchronous");
        line(out, "DR port:", Integer.toString(pair.port));
        line(out, "DR local IP address:", pair.replicationAddresses.getOrDefault(host, ""));
        String other = pair.otherHost(host);
        line(out, "DR remote IP address:", other == null ? "" : pair.replicationAddresses.get(other));
        // Only while the secondary lacks data: a real primary in Normal prints no such line (the 9.2.5 DR/HA transcript
        // in src/test/resources/mq-output/rdqmstatus/drha-primary.txt; IBM's "Viewing DR RDQM status" shows it with
        // Remote unavailable and Synchronization in progress).
        if (node.drRole == DrRole.PRIMARY && !drStatus.equals("Normal")) {
            long outOfSync = pair.syncing() ? pair.syncTotalKb - world.syncedKb(pair, now) : pair.outOfSyncKb;
            line(out, "DR out of sync data:", outOfSync + "KB");
        }
        if (pair.syncing() && node.revertingUntil == null) {
            double percent = world.syncedKb(pair, now) * 100.0 / pair.syncTotalKb;
            line(out, "DR synchronization progress:", String.format(Locale.ROOT, "%.1f%%", percent));
            long seconds = (long) Math.ceil(pair.syncTotalKb / world.options.syncRateKbPerSecond());
            Instant eta = pair.syncStartedAt.plus(Duration.ofSeconds(seconds));
            line(out, "DR estimated time to completion:", ETA.format(LocalDateTime.ofInstant(eta, ZoneOffset.UTC)));
        }
        return out.exit(0);
    }

    /**
     * {@code rdqmstatus -m QM} of an HA queue manager: this node's section, then one per other node, as in IBM's
     * sample (github.com/ibm-messaging/mq-rdqm Troubleshooting.md, kept in
     * src/test/resources/mq-output/rdqmstatus/ha-running-with-sudo-note.txt). "HA current location" and "HA
     * preferred location" name another node, or "This node"; a replica that is behind shows "HA out of sync data".
     */
    private LabExecution haStatus(String host, QueueManagerRuntime rt) {
        HaGroup group = rt.ha;
        boolean here = host.equals(rt.activeHost);
        Output out = nodeStatus(host, rt, here);
        line(out, "HA role:", here ? "Primary" : "Secondary");
        line(out, "HA status:", group.overallStatus(rt.name, host));
        line(out, "HA control:", "Enabled");
        line(out, "HA current location:", rt.activeHost == null ? "None" : location(host, rt.activeHost));
        List<String> preferred = group.preferred.getOrDefault(rt.name, List.of());
        line(out, "HA preferred location:", preferred.isEmpty() ? "None"
                : String.join(",", preferred.stream().map(n -> location(host, n)).toList()));
        // MQ 9.2.5 and later print the blocked location here (IBM's "Viewing RDQM and HA group status"; the 9.2.5
        // transcript drha-primary.txt); the lab blocks no node.
        line(out, "HA blocked location:", "None");
        line(out, "HA floating IP interface:", "None");
        line(out, "HA floating IP address:", "None");
        for (String other : group.nodes) {
            if (other.equals(host)) {
                continue;
            }
            out.out("");
            line(out, "Node:", other);
            line(out, "HA status:", group.replicaStatus(rt.name, other));
            long behind = group.outOfSync(rt.name, other);
            if (behind > 0) {
                line(out, "HA out of sync data:", behind + "KB");
            }
        }
        return out.exit(0);
    }

    /** The lines {@code rdqmstatus -m QM} starts with for DR and HA alike; CPU and memory where it runs. */
    private Output nodeStatus(String host, QueueManagerRuntime rt, boolean runningHere) {
        Output out = new Output();
        line(out, "Node:", host);
        line(out, "Queue manager status:", rt.statusOn(host).mqWording());
        if (runningHere) {
            line(out, "CPU:", "0.00%");
            line(out, "Memory:", "135MB");
        }
        long usedMb = Math.max(1, (usedKb(rt) + 1023) / 1024);
        line(out, "Queue manager file system:", usedMb + "MB used, 1.0GB allocated [" + Math.round(usedMb * 100.0 / 1024)
                + "%]");
        return out;
    }

    private static String location(String viewer, String node) {
        return node.equals(viewer) ? "This node" : node;
    }

    /** {@code rdqmstatus -n}: "Node n is online|offline" (IBM's sample in mq-rdqm cloud/IBM/README.md); suspended is offline. */
    private LabExecution haNodes(String host) {
        HaGroup group = world.haGroupOf(host);
        if (group == null) {
            return Output.error(1, "This node is not part of an RDQM HA group.");
        }
        Output out = new Output();
        for (String node : group.nodes) {
            out.out("Node " + node + " is " + (group.available(node) ? "online" : "offline"));
        }
        return out.exit(0);
    }

    /**
     * {@code rdqmadm -s|-r [-n node]} and {@code rdqmadm -p -m QM [-n node[,node]] | -d}, as IBM's rdqmadm reference
     * describes them (https://www.ibm.com/docs/en/SSFKSJ_9.2.0/com.ibm.mq.ref.adm.doc/q130300_.html): suspending
     * takes the node offline and restarts its queue managers on an active node, and fails for the last active node;
     * resuming brings it online, and the queue managers that prefer it move back; -p sets the preferred location and
     * the queue manager moves there when it can. IBM documents no console text for rdqmadm: the lines are lab wording
     * (docs/lab.md).
     */
    LabExecution rdqmadm(String host, String user, List<String> args) {
        if (!"root".equals(user)) {
            return Output.error(1, "rdqmadm must be run as root or through sudo.");
        }
        HaGroup group = world.haGroupOf(host);
        if (group == null) {
            return Output.error(1, "This node is not part of an RDQM HA group.");
        }
        String action = null;
        String qmName = null;
        String nodes = null;
        boolean clear = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if ((a.equals("-s") || a.equals("-r") || a.equals("-p")) && action == null) {
                action = a;
            } else if (a.equals("-m") && i + 1 < args.size() && qmName == null) {
                qmName = args.get(++i);
            } else if (a.equals("-n") && i + 1 < args.size() && nodes == null) {
                nodes = args.get(++i);
            } else if (a.equals("-d")) {
                clear = true;
            } else {
                return ControlCommands.usage("rdqmadm");
            }
        }
        if (action == null || (action.equals("-p") != (qmName != null)) || (clear && (!action.equals("-p") || nodes != null))) {
            return ControlCommands.usage("rdqmadm");
        }
        if (action.equals("-p")) {
            return preferredLocation(host, group, qmName, nodes, clear);
        }
        String node = nodes == null ? host : nodes;
        if (!group.nodes.contains(node)) {
            return Output.error(1, "Node '" + node + "' is not a node of this HA group.");
        }
        if (action.equals("-s")) {
            if (group.suspended.contains(node)) {
                return new Output().out("The replicated data node '" + node + "' is already suspended.").exit(0);
            }
            if (group.nodes.stream().filter(n -> !n.equals(node)).noneMatch(group::available)) {
                return Output.error(1, "Node '" + node + "' cannot be suspended: it is the last active node of the"
                        + " HA group.");
            }
            group.suspended.add(node);
            world.place(group);
            return new Output().out("The replicated data node '" + node + "' has been suspended.").exit(0);
        }
        if (!group.suspended.remove(node)) {
            return new Output().out("The replicated data node '" + node + "' is not suspended.").exit(0);
        }
        world.place(group);
        return new Output().out("The replicated data node '" + node + "' has been resumed.").exit(0);
    }

    private LabExecution preferredLocation(String host, HaGroup group, String qmName, String nodes, boolean clear) {
        if (!group.queueManagers.containsKey(qmName)) {
            return Output.error(1, "Queue manager '" + qmName + "' is not an HA replicated data queue manager of this"
                    + " HA group.");
        }
        if (clear) {
            group.preferred.put(qmName, List.of());
            return new Output().out("The preferred location of queue manager '" + qmName + "' has been cleared.")
                    .exit(0);
        }
        List<String> wanted = nodes == null ? List.of(host) : List.of(nodes.split(",", -1));
        if (wanted.size() > 2 || wanted.stream().anyMatch(n -> !group.nodes.contains(n))
                || wanted.stream().distinct().count() != wanted.size()) {
            return Output.error(1, "'" + nodes + "' is not one or two nodes of this HA group.");
        }
        group.preferred.put(qmName, wanted);
        world.place(group);
        return new Output().out("The preferred location of queue manager '" + qmName + "' has been set to '"
                + String.join(",", wanted) + "'.").exit(0);
    }

    private LabExecution summary(String host) {
        Output out = new Output();
        line(out, "Node:", host);
        line(out, "OS kernel version:", "5.14.0-427.13.1");
        line(out, "DRBD OS kernel version:", "5.14.0-427.13.1");
        line(out, "DRBD version:", "9.2.7");
        line(out, "DRBD kernel module status:", "Loaded");
        for (QueueManagerRuntime rt : world.byHost.get(host).values()) {
            if (rt.ha == null && !rt.isRdqm()) {
                continue;
            }
            out.out("");
            line(out, "Queue manager name:", rt.name);
            line(out, "Queue manager status:", rt.statusOn(host).mqWording());
            if (rt.ha != null) {
                // The HA summary's fields, as in IBM's "Viewing DR/HA RDQM and HA group status" example.
                line(out, "HA current location:", rt.activeHost == null ? "None" : rt.activeHost);
                List<String> preferred = rt.ha.preferred.getOrDefault(rt.name, List.of());
                line(out, "HA preferred location:", preferred.isEmpty() ? "None" : String.join(",", preferred));
                line(out, "HA blocked location:", "None");
            } else {
                line(out, "DR role:", rt.drRole.text());
            }
        }
        return out.exit(0);
    }

    private long usedKb(QueueManagerRuntime node) {
        long messages = node.data.messages.values().stream().flatMap(d -> d.stream())
                .filter(Message::persistent).count();
        return world.options.initialFileSystemUsedKb() + messages * world.options.persistentMessageKb();
    }

    /** DR status of one node: what the node can see of its partner and of the data. */
    String drStatus(QueueManagerRuntime node) {
        RdqmPair pair = node.pair;
        if (node.revertingUntil != null) {
            return "Reverting to snapshot";
        }
        QueueManagerRuntime other = pair.other(node);
        if (other == null || !pair.linkUp) {
            return node.drRole == DrRole.SECONDARY && pair.secondaryInconsistent ? "Inconsistent" : "Remote unavailable";
        }
        if (other.drRole == node.drRole && node.drRole == DrRole.PRIMARY) {
            return "Partitioned";
        }
        if (pair.syncing()) {
            return "Synchronization in progress";
        }
        return "Normal";
    }

    private static void line(Output out, String label, String value) {
        out.out(String.format("%-40s%s", label, value));
    }

    LabExecution rdqmdr(String host, String user, List<String> args) {
        String qmName = null;
        String action = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("-m") && i + 1 < args.size()) {
                qmName = args.get(++i);
            } else if ((a.equals("-p") || a.equals("-s") || a.equals("-d")) && action == null) {
                action = a;
            } else {
                return ControlCommands.usage("rdqmdr");
            }
        }
        if (qmName == null || action == null) {
            return ControlCommands.usage("rdqmdr");
        }
        if (!"root".equals(user)) {
            return Output.error(1, "rdqmdr must be run as root or through sudo.");
        }
        Optional<QueueManagerRuntime> found = world.runtime(host, qmName);
        if (found.isEmpty()) {
            return Output.error(16, ControlCommands.DOES_NOT_EXIST);
        }
        QueueManagerRuntime node = found.get();
        if (!node.isRdqm()) {
            return Output.error(1, "Queue manager '" + qmName + "' is not a DR replicated data queue manager.");
        }
        RdqmPair pair = node.pair;
        return switch (action) {
            case "-d" -> {
                if (node.drRole != DrRole.PRIMARY) {
                    yield Output.error(1, "Queue manager '" + qmName + "' is not the DR primary on this node.");
                }
                String other = pair.otherHost(host);
                if (other == null) {
                    yield Output.error(1, "The DR configuration of queue manager '" + qmName + "' names no other node.");
                }
                yield new Output()
                        .out("Issue the following command on the remote node to create the DR")
                        .out("secondary queue manager:")
                        .out(ControlCommands.secondaryCommand(pair.replicationAddresses.get(other),
                                pair.replicationAddresses.get(host), host, pair.port, qmName))
                        .exit(0);
            }
            case "-s" -> {
                if (node.running()) {
                    yield Output.error(1, "Queue manager '" + qmName + "' is running: end it before making it the DR"
                            + " secondary.");
                }
                if (node.drRole == DrRole.SECONDARY) {
                    yield Output.error(1, "Queue manager '" + qmName + "' is already the DR secondary on this node.");
                }
                node.drRole = DrRole.SECONDARY;
                node.endedStatus = QmStatus.ENDED_IMMEDIATELY;
                yield new Output().out("Queue manager '" + qmName + "' has been made the DR secondary on this node.")
                        .exit(0);
            }
            default -> {
                if (node.drRole == DrRole.PRIMARY) {
                    yield Output.error(1, "Queue manager '" + qmName + "' is already the DR primary on this node.");
                }
                QueueManagerRuntime other = pair.other(node);
                if (other != null && other.drRole == DrRole.PRIMARY && pair.linkUp) {
                    yield Output.error(1, "Queue manager '" + qmName + "' cannot be made the DR primary: it is the DR"
                            + " primary on the other node and the DR replication link is working.");
                }
                node.drRole = DrRole.PRIMARY;
                if (pair.secondaryInconsistent) {
                    // An interrupted synchronization left the data half-written: go back to the snapshot.
                    node.revertingUntil = world.now().plus(world.options.revertToSnapshotTime());
                    pair.secondaryInconsistent = false;
                }
                yield new Output().out("Queue manager '" + qmName + "' has been made the DR primary on this node.")
                        .exit(0);
            }
        };
    }
}

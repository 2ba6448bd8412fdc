package io.mqrunbooks.application.nativeha;

import io.mqrunbooks.application.RunbookRefusal;
import io.mqrunbooks.application.RunbookTargets;
import io.mqrunbooks.application.port.out.MqControlPort;
import io.mqrunbooks.application.port.out.SshException;
import io.mqrunbooks.mq.ControlOutcome;
import io.mqrunbooks.mq.ControlResult;
import io.mqrunbooks.application.port.out.control.EndMode;
import io.mqrunbooks.mq.NativeHaStatus;
import io.mqrunbooks.estate.Estate;
import io.mqrunbooks.estate.QueueManager;
import io.mqrunbooks.estate.QueueManagerKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Rolling maintenance of a Native HA group (IBM MQ 9.4.4+ on VMs and bare metal): one instance at a time, the
 * replicas first and the active last, so that two of the three instances stay in sync and keep the quorum while
 * the third is down. Before an instance ends, the others must be in sync (BACKLOG 0); after it starts again it
 * rejoins as a replica and catches up; ending the active makes an in-sync replica the active instance.
 *
 * <p>The instances are named after their hosts (as in IBM's "Creating a Native HA queue manager", where the
 * nodes alpha, beta and gamma carry instances of the same names); the active instance's {@code dspmq -o nativeha -x}
 * is read as the definitive view.
 */
@Service
public class NativeHaMaintenance {

    private final Estate estate;
    private final MqControlPort control;

    public NativeHaMaintenance(Estate estate, MqControlPort control) {
        this.estate = estate;
        this.control = control;
    }

    /** The order of maintenance (hosts, replicas first, the active last) and the table the gate shows. */
    public record Plan(List<String> order, String summary) {

        public String orderText() {
            return String.join(",", order);
        }
    }

    /**
     * {@code dspmq -o nativeha -x} on every instance; refuses unless one instance is active and all three are in
     * sync, because ending one instance while another is already down or behind would leave fewer than two in sync:
     * the quorum would be lost and the queue manager would stop.
     */
    public Plan assess(String queueManager) {
        QueueManager qm = queueManager(queueManager);
        StringBuilder read = new StringBuilder();
        NativeHaStatus active = null;
        for (String host : qm.hosts()) {
            NativeHaStatus status = control.nativeHaStatus(host, queueManager);
            read.append("dspmq -o nativeha -x on ").append(host).append(": ").append(describe(status)).append('\n');
            if (status.isActive() && active == null) {
                active = status;
            }
        }
        if (active == null) {
            throw new RunbookRefusal("NO_ACTIVE_INSTANCE", "Rolling maintenance refused: no instance of "
                    + queueManager + " reports ROLE(Active), so the group has no quorum now:\n" + read.toString().strip());
        }
        List<String> notInSync = new ArrayList<>();
        for (String host : qm.hosts()) {
            Optional<NativeHaStatus.Instance> instance = active.instance(host);
            if (instance.isEmpty()) {
                throw new RunbookRefusal("INSTANCE_NOT_IN_INVENTORY", "Rolling maintenance refused: the active"
                        + " instance on " + active.host() + " lists no instance named " + host + "; the inventory's"
                        + " hosts of " + queueManager + " must be its instance names:\n" + read.toString().strip());
            }
            if (!instance.get().inSync()) {
                notInSync.add(instance.get().describe());
            }
        }
        if (!notInSync.isEmpty()) {
            throw new RunbookRefusal("QUORUM_AT_RISK", "Rolling maintenance refused: quorum would be lost. Native HA"
                    + " needs two of its three instances in sync; " + String.join("; ", notInSync) + " is not, so"
                    + " ending any other instance would leave fewer than two (QUORUM(" + active.quorum() + ") on "
                    + active.host() + "). Bring it back in sync first.\n" + read.toString().strip());
        }
        String activeHost = active.host();
        List<String> order = new ArrayList<>();
        qm.hosts().stream().filter(h -> !h.equals(activeHost)).forEach(order::add);
        order.add(activeHost);
        StringBuilder table = new StringBuilder(String.format("%-10s %-10s %-8s %-7s %-12s %s%n", "Instance", "Host",
                "Role", "In sync", "Backlog (KB)", "Order"));
        for (int i = 0; i < order.size(); i++) {
            NativeHaStatus.Instance instance = active.instance(order.get(i)).orElseThrow();
            table.append(String.format("%-10s %-10s %-8s %-7s %-12d %s%n", instance.name(), order.get(i),
                    instance.role(), instance.inSync() ? "Yes" : "No", instance.backlogKb(),
                    (i + 1) + (instance.isActive() ? " (last: ending it moves the active role to an in-sync replica)"
                            : "")));
        }
        String summary = "Queue manager " + queueManager + " (Native HA, QUORUM(" + active.quorum() + "))\n" + table
                + "\nFor each instance in this order: check the other two are in sync (dspmq -o nativeha -x), end it"
                + " (endmqm -w " + queueManager + " on its host), you confirm the host's maintenance (dspmqver is"
                + " read back), start it (strmqm " + queueManager + "), then wait until it is in sync again. Ending "
                + activeHost + " moves the active role to an in-sync replica, confirmed with dspmq before"
                + " going on.\n\nRead:\n" + read.toString().strip();
        return new Plan(List.copyOf(order), summary);
    }

    /** The approved order, checked again against the inventory (every host once). */
    public List<String> order(String queueManager, String orderText) {
        QueueManager qm = queueManager(queueManager);
        List<String> order = Arrays.asList(orderText.split(","));
        if (order.size() != qm.hosts().size() || !order.containsAll(qm.hosts())) {
            throw new IllegalStateException("The approved order '" + orderText + "' does not name each host of "
                    + queueManager + " once (" + String.join(", ", qm.hosts()) + ")");
        }
        return order;
    }

    /** One poll before the next instance ends (or, after the last, before the run completes). */
    public record SyncCheck(boolean inSync, String activeHost, String summary) {
    }

    /**
     * Are all instances but {@code next} (null after the last) in sync, by the active's view? Reads the instances in
     * order until the active answers; a host that cannot be reached (lost during the maintenance) is waited for, and
     * so is {@code next} when it cannot be reached: it may be out of sync (it is about to end), but the runbook cannot
     * end, maintain and start an instance on a lost host.
     */
    public SyncCheck checkSync(String queueManager, List<String> order, String next) {
        QueueManager qm = queueManager(queueManager);
        StringBuilder read = new StringBuilder();
        List<String> lost = new ArrayList<>();
        for (String host : qm.hosts()) {
            NativeHaStatus status = readOrLost(host, queueManager, read, lost);
            if (status == null || !status.isActive()) {
                continue;
            }
            List<String> behind = new ArrayList<>(lost.stream().map(h -> h + " cannot be reached").toList());
            for (String other : order) {
                if (other.equals(next) || lost.contains(other)) {
                    continue;
                }
                NativeHaStatus.Instance instance = status.instance(other).orElse(null);
                if (instance == null || !instance.inSync()) {
                    behind.add(instance == null ? other + " not listed" : instance.describe());
                }
            }
            boolean nextConnected = next == null || status.instance(next).map(NativeHaStatus.Instance::connectedToActive)
                    .orElse(false);
            if (!nextConnected && !lost.contains(next) && qm.hosts().indexOf(next) > qm.hosts().indexOf(host)
                    && readOrLost(next, queueManager, read, lost) == null) {
                behind.add(next + " cannot be reached");
            }
            String what = next == null ? "all instances" : "the instances other than " + next;
            if (behind.isEmpty()) {
                return new SyncCheck(true, host, read + what + " are in sync");
            }
            return new SyncCheck(false, host, read + "not in sync: " + String.join("; ", behind));
        }
        return new SyncCheck(false, null, read + "no instance reports ROLE(Active)");
    }

    /** dspmq -o nativeha -x on the host, appended to {@code read}; null (and the host added to {@code lost}) when unreachable. */
    private NativeHaStatus readOrLost(String host, String queueManager, StringBuilder read, List<String> lost) {
        read.append("dspmq -o nativeha -x on ").append(host).append(": ");
        try {
            NativeHaStatus status = control.nativeHaStatus(host, queueManager);
            read.append(describe(status)).append('\n');
            return status;
        } catch (SshException e) {
            if (e.kind() != SshException.Kind.HOST_UNREACHABLE) {
                throw e;
            }
            read.append("cannot be reached (").append(e.getMessage()).append(")\n");
            lost.add(host);
            return null;
        }
    }

    /** {@code endmqm -w QM} on the instance's host, unless the instance there has already ended. */
    public String endInstance(String queueManager, String host) {
        queueManager(queueManager);
        NativeHaStatus status = control.nativeHaStatus(host, queueManager);
        if (isEnded(status)) {
            return host + ": " + queueManager + " is ended there (" + describe(status) + "): endmqm not needed";
        }
        ControlResult result = control.end(host, queueManager, EndMode.WAIT, false);
        result.expect(host, "endmqm -w " + queueManager, ControlOutcome.NOW_DOWN);
        return host + ": endmqm -w " + queueManager + ": " + result.outcome() + " (was " + status.role() + ")";
    }

    /**
     * After {@code endedHost} ended: another instance must report ROLE(Active) with a quorum. Until then this is a
     * failure the engine retries (the election takes seconds), then an incident.
     */
    public String confirmActive(String queueManager, String endedHost) {
        QueueManager qm = queueManager(queueManager);
        StringBuilder read = new StringBuilder();
        for (String host : qm.hosts()) {
            if (host.equals(endedHost)) {
                continue;
            }
            NativeHaStatus status = control.nativeHaStatus(host, queueManager);
            read.append("dspmq -o nativeha -x on ").append(host).append(": ").append(describe(status)).append('\n');
            if (status.isActive()) {
                return "Active instance: " + host + " (QUORUM(" + status.quorum() + ")) while " + endedHost
                        + " is down";
            }
        }
        throw new IllegalStateException("No instance of " + queueManager + " reports ROLE(Active) after " + endedHost
                + " ended:\n" + read.toString().strip());
    }

    /** {@code dspmqver} on the host after its maintenance. */
    public String readBackVersion(String host) {
        return host + ": dspmqver after the maintenance: " + control.version(host);
    }

    /** {@code strmqm QM} on the instance's host, unless the instance there already runs (active or replica). */
    public String startInstance(String queueManager, String host) {
        queueManager(queueManager);
        NativeHaStatus status = control.nativeHaStatus(host, queueManager);
        if (!isEnded(status)) {
            return host + ": " + queueManager + " runs there (" + describe(status) + "): strmqm not needed";
        }
        ControlResult result = control.start(host, queueManager);
        result.expect(host, "strmqm " + queueManager, ControlOutcome.NOW_RUNNING);
        return host + ": strmqm " + queueManager + ": " + result.outcome();
    }

    /** An ended instance knows no role and lists no instances. */
    private static boolean isEnded(NativeHaStatus status) {
        return !status.known() || ("Unknown".equalsIgnoreCase(status.role()) && status.instances().isEmpty());
    }

    private static String describe(NativeHaStatus status) {
        if (!status.known()) {
            return "not known (AMQ7048E)";
        }
        StringBuilder text = new StringBuilder("ROLE(" + status.role() + ") INSTANCE(" + status.instance() + ") INSYNC("
                + (status.inSync() ? "Yes" : "No") + ") QUORUM(" + status.quorum() + ")");
        for (NativeHaStatus.Instance instance : status.instances()) {
            text.append(", ").append(instance.describe());
        }
        return text.toString();
    }

    private QueueManager queueManager(String name) {
        return RunbookTargets.queueManagerOfKind(estate, name, QueueManagerKind.NATIVE_HA, "NOT_NATIVE_HA");
    }
}

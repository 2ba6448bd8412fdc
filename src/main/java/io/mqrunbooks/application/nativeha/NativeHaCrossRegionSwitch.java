package io.mqrunbooks.application.nativeha;

import io.mqrunbooks.application.RunbookTargets;
import io.mqrunbooks.application.dractivation.ActivationTarget;
import io.mqrunbooks.application.dractivation.DrActivationSettings;
import io.mqrunbooks.application.dractivation.MessageFlowProof;
import io.mqrunbooks.application.port.out.MqControlPort;
import io.mqrunbooks.application.port.out.control.NativeHaGroupStatus;
import io.mqrunbooks.application.RunbookRefusal;
import io.mqrunbooks.estate.BackupLevel;
import io.mqrunbooks.estate.Estate;
import io.mqrunbooks.estate.QueueManager;
import io.mqrunbooks.estate.QueueManagerKind;
import io.mqrunbooks.mq.ControlResult;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Switching the Live role of a Native HA queue manager with cross-region replication (IBM MQ 9.4.2+) from one
 * group of three instances to the other.
 *
 * <p>Planned: with both groups in sync, every instance of the Live group is asked to be Recovery, then every
 * instance of the Recovery group to be Live, in that order (IBM, "Native HA CRR switchover and failover": "the
 * switchover is controlled in a way that no data loss occurs",
 * https://www.ibm.com/docs/SSFKSJ_9.4.0/container/Switchover_Failover.html). Unplanned (the Live region lost): only
 * the Recovery group is asked to be Live, and the log it never received is lost ("you cannot guarantee that the
 * recovery logs are synchronized when the failover occurs, so there might be some loss of data"). A group's role
 * is requested by the {@code GroupRole} attribute of each instance's {@code NativeHALocalInstance} stanza in
 * qm.ini ("Native HA Cross-Region Replication",
 * https://www.ibm.com/docs/en/ibm-mq/9.4.x?topic=containers-native-ha-cross-region-replication); the state is read
 * with {@code dspmq -o nativeha -g}.
 */
@Service
public class NativeHaCrossRegionSwitch {

    public static final String LIVE = "Live";
    public static final String RECOVERY = "Recovery";

    private final Estate estate;
    private final MqControlPort control;
    private final MessageFlowProof proof;
    private final DrActivationSettings settings;

    public NativeHaCrossRegionSwitch(Estate estate, MqControlPort control, MessageFlowProof proof,
                                     DrActivationSettings settings) {
        this.estate = estate;
        this.control = control;
        this.proof = proof;
        this.settings = settings;
    }

    /**
     * What the gate approves.
     *
     * @param liveGroup      the group that is Live now (the one lost, for an unplanned switch)
     * @param recoveryGroup  the group to be made Live
     * @param dataLossWindow for an unplanned switch, what the Recovery group last knew it lacked; empty if planned
     */
    public record Plan(String liveGroup, String recoveryGroup, String summary, String dataLossWindow) {
    }

    /**
     * {@code dspmq -o nativeha -g} on every instance of both groups. A planned switch is refused unless the Live
     * group's active instance sees the Recovery group connected with no backlog and the Recovery group has a
     * leader; an unplanned one is refused while the Live group still answers (a planned switch loses nothing) and
     * unless the Recovery group has a leader.
     */
    public Plan assess(String queueManager, boolean planned) {
        QueueManager qm = queueManager(queueManager);
        StringBuilder read = new StringBuilder();
        NativeHaGroupStatus liveActive = null;
        NativeHaGroupStatus recoveryLeader = null;
        for (String host : qm.allHosts()) {
            NativeHaGroupStatus status;
            try {
                status = control.nativeHaGroupStatus(host, queueManager);
            } catch (RuntimeException e) {
                // A lost region does not answer; what it would have said is what the refusal or the plan names.
                read.append("dspmq -o nativeha -g on ").append(host).append(": no answer (").append(e.getMessage())
                        .append(")\n");
                continue;
            }
            read.append("dspmq -o nativeha -g on ").append(host).append(": ").append(describe(status)).append('\n');
            if (liveActive == null && "Active".equalsIgnoreCase(status.role()) && LIVE.equalsIgnoreCase(status.groupRole())) {
                liveActive = status;
            }
            if (recoveryLeader == null && "Leader".equalsIgnoreCase(status.role())
                    && RECOVERY.equalsIgnoreCase(status.groupRole())) {
                recoveryLeader = status;
            }
        }
        String evidence = read.toString().strip();
        if (recoveryLeader == null) {
            throw new RunbookRefusal("RECOVERY_GROUP_NOT_HEALTHY", "Cross-region switch refused: no instance of "
                    + queueManager + " reports ROLE(Leader) in a group with GRPROLE(Recovery), so no group is ready"
                    + " to be made Live (it needs two of its three instances running and connected):\n" + evidence);
        }
        String recoveryGroup = recoveryLeader.groupName();
        String liveGroup = otherGroup(qm, recoveryGroup);
        if (planned) {
            if (liveActive == null) {
                throw new RunbookRefusal("NO_LIVE_GROUP", "Planned cross-region switch refused: no instance of "
                        + queueManager + " reports ROLE(Active) in the Live group; if the Live region is lost, start"
                        + " an unplanned switch, which shows the data-loss window:\n" + evidence);
            }
            NativeHaGroupStatus.Group seen = liveActive.group(recoveryGroup).orElseThrow(() -> new RunbookRefusal(
                    "RECOVERY_GROUP_NOT_HEALTHY", "Planned cross-region switch refused: the Live group's active"
                    + " instance lists no group " + recoveryGroup + ":\n" + evidence));
            if (!seen.connected() || !seen.inSync() || seen.backlogKb() > 0) {
                throw new RunbookRefusal("GROUPS_NOT_IN_SYNC", "Planned cross-region switch refused: the Recovery"
                        + " group " + recoveryGroup + " is not in sync with the Live group " + liveGroup + " ("
                        + seen.describe() + ", as the active instance on " + liveActive.host() + " sees it). A"
                        + " planned switch loses nothing only when BACKLOG is 0 and the groups are connected; wait"
                        + " for it or mend the link first.\n" + evidence);
            }
        } else if (liveActive != null) {
            throw new RunbookRefusal("LIVE_GROUP_REACHABLE", "Unplanned cross-region switch refused: the Live group "
                    + liveGroup + " still runs (ROLE(Active) on " + liveActive.host() + "). Making "
                    + recoveryGroup + " Live now would leave two Live groups; use a planned switch, which loses no"
                    + " data.\n" + evidence);
        }
        NativeHaGroupStatus.Group own = recoveryLeader.group(recoveryGroup).orElseThrow();
        String window = planned ? "" : "The Recovery group " + recoveryGroup + " last knew it lacked "
                + own.backlogKb() + " KB of the Live group's log (BACKLOG), and was last in sync at "
                + (own.syncTime().isEmpty() ? "an unknown time" : own.syncTime()) + " (SYNCTIME), as its leader on "
                + recoveryLeader.host() + " reports. Messages put or got on " + liveGroup + " after that are lost"
                + " when " + recoveryGroup + " is made Live.";
        StringBuilder table = new StringBuilder(String.format("%-10s %-10s %-22s %-10s %s%n", "Group", "Now",
                "After", "Version", "Hosts (instances)"));
        table.append(String.format("%-10s %-10s %-22s %-10s %s%n", liveGroup, LIVE,
                planned ? RECOVERY + " (first)" : "lost (left as it is)",
                liveActive == null ? "?" : liveActive.group(liveGroup).map(NativeHaGroupStatus.Group::version)
                        .orElse("?"), String.join(", ", hostsOf(qm, liveGroup))));
        table.append(String.format("%-10s %-10s %-22s %-10s %s%n", recoveryGroup, RECOVERY,
                LIVE + (planned ? " (second)" : ""), own.version(), String.join(", ", hostsOf(qm, recoveryGroup))));
        String steps = planned
                ? "On each host of " + liveGroup + ": sed -i s/GroupRole=Live/GroupRole=Recovery/ /var/mqm/qmgrs/"
                + queueManager + "/qm.ini, then dspmq -o nativeha -g until " + liveGroup + " is Recovery; then on"
                + " each host of " + recoveryGroup + ": sed -i s/GroupRole=Recovery/GroupRole=Live/ (same file),"
                + " dspmq -o nativeha -g until " + recoveryGroup + " is Live with an active instance; then a test"
                + " message is put and got on " + queueManager + " there."
                : "On each host of " + recoveryGroup + ": sed -i s/GroupRole=Recovery/GroupRole=Live/"
                + " /var/mqm/qmgrs/" + queueManager + "/qm.ini, then dspmq -o nativeha -g until " + recoveryGroup
                + " is Live with an active instance; then a test message is put and got on " + queueManager
                + " there. " + liveGroup + " is not touched: when its region returns it must be made Recovery"
                + " before it runs again, or there are two Live groups.";
        String summary = "Queue manager " + queueManager + " (Native HA cross-region replication, "
                + (planned ? "planned" : "unplanned: the Live region is lost") + ")\n" + table + "\n" + steps
                + (window.isEmpty() ? "" : "\n\nData-loss window: " + window) + "\n\nRead:\n" + evidence;
        return new Plan(liveGroup, recoveryGroup, summary, window);
    }

    /** The approved groups, checked again against the inventory. */
    public void checkGroups(String queueManager, String liveGroup, String recoveryGroup) {
        QueueManager qm = queueManager(queueManager);
        if (!otherGroup(qm, recoveryGroup).equals(liveGroup)) {
            throw new IllegalStateException("The approved groups '" + liveGroup + "' and '" + recoveryGroup
                    + "' are not the two groups of " + queueManager);
        }
    }

    /**
     * Asks every instance of {@code group} for {@code role} (qm.ini GroupRole). Safe to repeat: an instance that
     * already asks for it is left as it is. A host that does not answer fails the step (the engine retries it).
     */
    public String requestRole(String queueManager, String group, String role) {
        QueueManager qm = queueManager(queueManager);
        List<String> done = new ArrayList<>();
        for (String host : hostsOf(qm, group)) {
            ControlResult result = control.requestNativeHaGroupRole(host, queueManager, role);
            done.add(host + ": GroupRole=" + role + " (" + result.outcome() + ")");
        }
        return group + " asked to be " + role + ": " + String.join("; ", done);
    }

    /**
     * Reads the group's instances until one reports the role (and, for Live, ROLE(Active)); until then a failure
     * the engine retries (an election takes seconds), then an incident.
     */
    public String confirmRole(String queueManager, String group, String role) {
        QueueManager qm = queueManager(queueManager);
        StringBuilder read = new StringBuilder();
        for (String host : hostsOf(qm, group)) {
            NativeHaGroupStatus status = control.nativeHaGroupStatus(host, queueManager);
            read.append("dspmq -o nativeha -g on ").append(host).append(": ").append(describe(status)).append('\n');
            boolean hasRole = role.equalsIgnoreCase(status.groupRole());
            boolean ready = LIVE.equals(role) ? "Active".equalsIgnoreCase(status.role()) : status.known();
            if (hasRole && ready) {
                return group + " is " + role + " (" + host + ": ROLE(" + status.role() + ") GRPROLE("
                        + status.groupRole() + "))";
            }
        }
        throw new IllegalStateException("The group " + group + " of " + queueManager + " does not report GRPROLE("
                + role + ")" + (LIVE.equals(role) ? " with an active instance" : "") + " yet:\n"
                + read.toString().strip());
    }

    /** A test message put and got back on the queue manager where it now runs (the new Live group's active). */
    public String proveMessageFlow(String queueManager, String liveGroup, String newLiveGroup, String runId) {
        QueueManager qm = queueManager(queueManager);
        String oldHost = hostsOf(qm, liveGroup).get(0);
        String newHost = hostsOf(qm, newLiveGroup).get(0);
        ActivationTarget target = new ActivationTarget(queueManager, QueueManagerKind.NATIVE_HA, oldHost, queueManager,
                newHost, null, BackupLevel.HOT, qm.listenerName(), qm.listenerPort());
        MessageFlowProof.Proof result = proof.prove(target, settings.testQueue(), settings.testMessageWait(),
                "cross-region switch " + runId);
        return result.detail().replace(target.backupLabel(), queueManager + " (group " + newLiveGroup + ")");
    }

    private List<String> hostsOf(QueueManager qm, String group) {
        if (group.equals(qm.crossRegion().group())) {
            return qm.hosts();
        }
        if (group.equals(qm.crossRegion().recoveryGroup())) {
            return qm.crossRegion().recoveryHosts();
        }
        throw new IllegalStateException("dspmq names a group " + group + " of " + qm.name()
                + " that the inventory does not know (" + qm.crossRegion().group() + ", "
                + qm.crossRegion().recoveryGroup() + ")");
    }

    private static String otherGroup(QueueManager qm, String group) {
        return group.equals(qm.crossRegion().group()) ? qm.crossRegion().recoveryGroup() : qm.crossRegion().group();
    }

    private static String describe(NativeHaGroupStatus status) {
        if (!status.known()) {
            return "not running (no group lines)";
        }
        StringBuilder text = new StringBuilder("ROLE(" + status.role() + ") GRPNAME(" + status.groupName()
                + ") GRPROLE(" + status.groupRole() + ")");
        status.groups().forEach(g -> text.append(", ").append(g.describe()));
        return text.toString();
    }

    private QueueManager queueManager(String name) {
        QueueManager qm = RunbookTargets.queueManagerOfKind(estate, name, QueueManagerKind.NATIVE_HA, "NOT_NATIVE_HA");
        if (qm.crossRegion() == null) {
            throw new RunbookRefusal("NO_CROSS_REGION_REPLICATION", "Queue manager " + name + " has no cross-region"
                    + " recovery group in the inventory (crossRegion)");
        }
        return qm;
    }
}

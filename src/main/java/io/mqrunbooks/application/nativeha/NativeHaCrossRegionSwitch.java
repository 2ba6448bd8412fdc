package io.mqrunbooks.application.nativeha;

import io.mqrunbooks.application.RunbookTargets;
import io.mqrunbooks.application.dractivation.ActivationTarget;
import io.mqrunbooks.application.dractivation.DrActivationSettings;
import io.mqrunbooks.application.dractivation.MessageFlowProof;
import io.mqrunbooks.application.port.out.MqControlPort;
import io.mqrunbooks.mq.NativeHaGroupStatus;
import io.mqrunbooks.application.RunbookRefusal;
import io.mqrunbooks.estate.BackupLevel;
import io.mqrunbooks.estate.Estate;
import io.mqrunbooks.estate.QueueManager;
import io.mqrunbooks.estate.QueueManagerKind;
import io.mqrunbooks.mq.ControlResult;
import io.mqrunbooks.mq.NameRules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
        for (NativeHaGroupStatus status : readEveryHost(qm, queueManager, read).values()) {
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
                ? "On each host of " + liveGroup + ": sed -i s/GroupRole=Live/GroupRole=Recovery/ "
                + qmIni(queueManager) + ", then dspmq -o nativeha -g until " + liveGroup + " is Recovery; then on"
                + " each host of " + recoveryGroup + ": sed -i s/GroupRole=Recovery/GroupRole=Live/ (same file),"
                + " dspmq -o nativeha -g until " + recoveryGroup + " is Live with an active instance; then a test"
                + " message is put and got on " + queueManager + " there."
                : "On each host of " + recoveryGroup + ": sed -i s/GroupRole=Recovery/GroupRole=Live/"
                + " " + qmIni(queueManager) + ", then dspmq -o nativeha -g until " + recoveryGroup
                + " is Live with an active instance; then a test message is put and got on " + queueManager
                + " there. " + liveGroup + " is not touched: when its region returns it must be made Recovery"
                + " before it runs again, or there are two Live groups.";
        String summary = "Queue manager " + queueManager + " (Native HA cross-region replication, "
                + (planned ? "planned" : "unplanned: the Live region is lost") + ")\n" + table + "\n" + steps
                + (window.isEmpty() ? "" : "\n\nData-loss window: " + window) + "\n\nRead:\n" + evidence;
        return new Plan(liveGroup, recoveryGroup, summary, window);
    }

    /**
     * What the rejoin gate approves: the group that took over (Live) and the group whose region is back, to be made
     * Recovery.
     */
    public record RejoinPlan(String liveGroup, String returnedGroup, String summary) {
    }

    /** One poll of the returned group, as the Live group's active instance sees it. */
    public record RejoinSync(boolean inSync, String summary) {
    }

    /**
     * After an unplanned switch, the old Live group's region is back: {@code dspmq -o nativeha -g} on every host.
     * Exactly one group must run an active Live instance (the one that took over); the other group is the returned
     * one, and at least two of its hosts must answer. Refused while both groups run an active instance (IBM's
     * partitioned, "split-brain" data: which group's messages to keep is not this runbook's choice), when no group is
     * Live, and when the returned group is already Recovery and in sync.
     */
    public RejoinPlan assessRejoin(String queueManager) {
        QueueManager qm = queueManager(queueManager);
        StringBuilder read = new StringBuilder();
        Map<String, NativeHaGroupStatus> answered = readEveryHost(qm, queueManager, read);
        String evidence = read.toString().strip();
        List<NativeHaGroupStatus> liveActives = answered.values().stream()
                .filter(st -> "Active".equalsIgnoreCase(st.role()) && LIVE.equalsIgnoreCase(st.groupRole())).toList();
        List<String> liveGroups = liveActives.stream().map(NativeHaGroupStatus::groupName).distinct().toList();
        if (liveGroups.isEmpty()) {
            throw new RunbookRefusal("NO_LIVE_GROUP", "Rejoin refused: no instance of " + queueManager + " reports"
                    + " ROLE(Active) in a Live group, so there is no group to take the log from:\n" + evidence);
        }
        if (liveGroups.size() > 1) {
            throw new RunbookRefusal("TWO_LIVE_GROUPS", "Rejoin refused: both groups of " + queueManager + " run an"
                    + " active Live instance (" + liveActives.stream().map(st -> st.groupName() + " on " + st.host())
                    .distinct().collect(java.util.stream.Collectors.joining(", ")) + "), so applications may have"
                    + " written to both (partitioned data). Which group's messages are kept is not this runbook's"
                    + " choice: end the instances of the group to be made Recovery (endmqm on its hosts), then start"
                    + " this runbook again.\n" + evidence);
        }
        NativeHaGroupStatus liveActive = liveActives.get(0);
        String liveGroup = liveActive.groupName();
        String returnedGroup = otherGroup(qm, liveGroup);
        List<String> returnedHosts = hostsOf(qm, returnedGroup);
        long answering = returnedHosts.stream().filter(answered::containsKey).count();
        if (answering < 2) {
            throw new RunbookRefusal("RETURNED_GROUP_NOT_REACHABLE", "Rejoin refused: only " + answering + " of the"
                    + " three hosts of " + returnedGroup + " answer; it needs two to elect a leader as a Recovery"
                    + " group. Start the runbook once its region is back.\n" + evidence);
        }
        NativeHaGroupStatus.Group seen = liveActive.group(returnedGroup).orElse(null);
        if (seen != null && seen.isRecovery() && seen.connected() && seen.inSync() && seen.backlogKb() == 0) {
            throw new RunbookRefusal("ALREADY_RECOVERY", "Rejoin refused: " + returnedGroup + " is already a"
                    + " Recovery group in sync with " + liveGroup + " (" + seen.describe() + "); nothing to do.\n"
                    + evidence);
        }
        StringBuilder table = new StringBuilder(String.format("%-10s %-26s %-10s %s%n", "Group", "Now", "After",
                "Hosts (instances)"));
        table.append(String.format("%-10s %-26s %-10s %s%n", liveGroup, LIVE + " (active on " + liveActive.host()
                + ")", LIVE, String.join(", ", hostsOf(qm, liveGroup))));
        table.append(String.format("%-10s %-26s %-10s %s%n", returnedGroup, "returned (" + answering + " of 3 answer)",
                RECOVERY, String.join(", ", returnedHosts)));
        String summary = "Queue manager " + queueManager + ": the region of " + returnedGroup + " is back after an"
                + " unplanned switch to " + liveGroup + ".\n" + table + "\nOn each host of " + returnedGroup
                + ": sed -i s/GroupRole=Live/GroupRole=Recovery/ " + qmIni(queueManager) + ", then"
                + " strmqm " + queueManager + " where the instance does not run, then dspmq -o nativeha -g until "
                + returnedGroup + " is Recovery; then dspmq -o nativeha -g on " + liveGroup + " until " + returnedGroup
                + " is connected, in sync and has BACKLOG(0).\n\nData discarded: " + returnedGroup + " still holds"
                + " the log it wrote as Live that " + liveGroup + " never received (the data-loss window accepted at"
                + " the switch, and anything written on " + returnedGroup + " since). Made Recovery, it takes "
                + liveGroup + "'s log and that log is discarded: the messages in it are lost for good. Approve once"
                + " what must be kept from it has been dealt with.\n\nRead:\n" + evidence;
        return new RejoinPlan(liveGroup, returnedGroup, summary);
    }

    /** strmqm on each host of {@code group} where the instance does not run (an instance that runs is left). */
    public List<String> startGroup(String queueManager, String group, NativeHaMaintenance instances) {
        QueueManager qm = queueManager(queueManager);
        return hostsOf(qm, group).stream().map(host -> instances.startInstance(queueManager, host)).toList();
    }

    /**
     * {@code dspmq -o nativeha -g} on the Live group's hosts until one answers as its active: the returned group is
     * rejoined when that active sees it as Recovery, connected, in sync with no backlog.
     */
    public RejoinSync checkRejoined(String queueManager, String liveGroup, String returnedGroup) {
        QueueManager qm = queueManager(queueManager);
        StringBuilder read = new StringBuilder();
        for (String host : hostsOf(qm, liveGroup)) {
            NativeHaGroupStatus status;
            try {
                status = control.nativeHaGroupStatus(host, queueManager);
            } catch (RuntimeException e) {
                read.append(host).append(": no answer (").append(e.getMessage()).append("); ");
                continue;
            }
            if (!"Active".equalsIgnoreCase(status.role()) || !LIVE.equalsIgnoreCase(status.groupRole())) {
                read.append(host).append(": ROLE(").append(status.role()).append("); ");
                continue;
            }
            NativeHaGroupStatus.Group seen = status.group(returnedGroup).orElse(null);
            if (seen == null) {
                return new RejoinSync(false, read + "the active on " + host + " lists no group " + returnedGroup);
            }
            boolean inSync = seen.isRecovery() && seen.connected() && seen.inSync() && seen.backlogKb() == 0;
            return new RejoinSync(inSync, read + "as the active on " + host + " sees it: " + seen.describe());
        }
        return new RejoinSync(false, read + "no host of " + liveGroup + " answers as its active instance");
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
     * What lets the Recovery group be made Live, checked by the step itself from the run's sealed record: a
     * planned switch needs the gate's approval only (checked for every step that changes the estate); an unplanned
     * one also needs the approver (not the initiator) to have accepted the data-loss window in that approval.
     *
     * @param plannedAsSealed whether the run was started (and sealed) as a planned switch
     * @param notAccepted     why the gate's recorded approval does not accept the data-loss window, if it does not
     */
    public void checkMandateToMakeLive(String queueManager, String recoveryGroup, boolean plannedAsSealed,
                                       Optional<String> notAccepted) {
        if (!plannedAsSealed && notAccepted.isPresent()) {
            throw new IllegalStateException("Unplanned cross-region switch of " + queueManager + ": " + recoveryGroup
                    + " is made Live only when an approver other than the initiator accepted the data-loss window at"
                    + " the gate, and " + notAccepted.get() + "; nothing was changed. Cancel this run and start a"
                    + " new one, whose approver accepts the window.");
        }
    }

    /** The Live group is made Recovery only in a run started (and sealed) as a planned switch. */
    public void checkMandateToMakeRecovery(String queueManager, String liveGroup, boolean plannedAsSealed) {
        if (!plannedAsSealed) {
            throw new IllegalStateException("The run was started as an unplanned switch of " + queueManager
                    + ", so the Live group " + liveGroup + " is not made Recovery by it (its variable 'plannedSwitch'"
                    + " says otherwise, but the sealed start says unplanned); nothing was changed");
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

    /**
     * {@code dspmq -o nativeha -g} on every host of the queue manager: what each host that answered reports, by host,
     * and a line per host in {@code read} for the evidence.
     */
    private Map<String, NativeHaGroupStatus> readEveryHost(QueueManager qm, String queueManager, StringBuilder read) {
        Map<String, NativeHaGroupStatus> answered = new LinkedHashMap<>();
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
            answered.put(host, status);
            read.append("dspmq -o nativeha -g on ").append(host).append(": ").append(describe(status)).append('\n');
        }
        return answered;
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

    /** The file IBM MQ keeps the queue manager's qm.ini in: its directory is the transformed name (QM!NHA). */
    private static String qmIni(String queueManager) {
        return "/var/mqm/qmgrs/" + NameRules.queueManagerDirectory(queueManager) + "/qm.ini";
    }
}

package io.mqrunbooks.runbooks.nativeha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;

import io.mqrunbooks.adapter.inbound.camunda.nativeha.AssessRejoinDelegate;
import io.mqrunbooks.adapter.inbound.camunda.nativeha.CheckRejoinSyncDelegate;
import io.mqrunbooks.adapter.inbound.camunda.nativeha.MakeReturnedGroupRecoveryDelegate;
import io.mqrunbooks.application.dractivation.DrActivationSettings;
import io.mqrunbooks.application.dractivation.MessageFlowProof;
import io.mqrunbooks.application.nativeha.NativeHaCrossRegionSwitch;
import io.mqrunbooks.application.nativeha.NativeHaMaintenance;
import io.mqrunbooks.application.port.out.MqAdminPort;
import io.mqrunbooks.mq.NativeHaGroupStatus;
import io.mqrunbooks.mq.NativeHaStatus;
import io.mqrunbooks.mq.ControlOutcome;
import io.mqrunbooks.mq.ControlResult;
import io.mqrunbooks.runbooks.rdqm.RunbookEngineTestAccess;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

/**
 * After an unplanned switch to NHAWEST, the old Live group NHAEAST's region is back with its instances ended and
 * still asking to be Live: the runbook makes it Recovery before any instance starts, starts it and waits for it.
 */
@Deployment(resources = {"processes/nativeHaCrossRegionRejoinProcess.bpmn", "forms/nativeHaRejoinStart.form",
        "forms/nativeHaRejoinApprove.form", "forms/nativeHaRejoinWaitDecide.form"})
class NativeHaCrossRegionRejoinProcessTest extends RunbookEngineTestAccess {

    private static final List<String> EAST = List.of("nha1", "nha2", "nha3");

    private final Map<String, String> eastRequested = new LinkedHashMap<>();
    private final Set<String> eastStarted = new LinkedHashSet<>();
    private final List<String> commands = new ArrayList<>();
    private String eastRole = "Live";
    /** Polls of the Live group's active before NHAEAST has caught up (-1: it never does). */
    private int pollsBehind = 1;
    private int eastRunsAsLive;

    @BeforeEach
    void rejoinDelegates() {
        NativeHaCrossRegionSwitch crossRegion = new NativeHaCrossRegionSwitch(lab.estate, lab.control,
                new MessageFlowProof(Mockito.mock(MqAdminPort.class), Clock.systemUTC()), DrActivationSettings.defaults());
        Mocks.register("assessRejoinDelegate", new AssessRejoinDelegate(crossRegion));
        Mocks.register("makeReturnedGroupRecoveryDelegate", new MakeReturnedGroupRecoveryDelegate(crossRegion,
                new NativeHaMaintenance(lab.estate, lab.control)));
        Mocks.register("checkRejoinSyncDelegate", new CheckRejoinSyncDelegate(crossRegion));
        EAST.forEach(h -> eastRequested.put(h, "Live"));
        when(lab.control.nativeHaGroupStatus(anyString(), eq("QMNHA"))).thenAnswer(call -> groupStatus(call.getArgument(0)));
        when(lab.control.nativeHaStatus(anyString(), eq("QMNHA"))).thenAnswer(call -> {
            String host = call.getArgument(0);
            boolean running = !EAST.contains(host) || eastStarted.contains(host);
            return new NativeHaStatus(host, "QMNHA", running, running ? "Replica" : "Unknown", host, running,
                    running ? "2/3" : "", List.of());
        });
        when(lab.control.requestNativeHaGroupRole(anyString(), eq("QMNHA"), anyString())).thenAnswer(call -> {
            String host = call.getArgument(0);
            commands.add(host + ": GroupRole=" + call.getArgument(2));
            eastRequested.put(host, call.getArgument(2));
            if (eastRequested.values().stream().filter("Recovery"::equals).count() >= 2) {
                eastRole = "Recovery";
            }
            return new ControlResult(ControlOutcome.GROUP_ROLE_REQUESTED, List.of(), 0);
        });
        when(lab.control.start(anyString(), eq("QMNHA"))).thenAnswer(call -> {
            String host = call.getArgument(0);
            commands.add(host + ": strmqm QMNHA (requesting " + eastRequested.get(host) + ")");
            eastStarted.add(host);
            return new ControlResult(ControlOutcome.STARTED, List.of(), 0);
        });
    }

    private NativeHaGroupStatus groupStatus(String host) {
        if (!EAST.contains(host)) {
            boolean active = host.equals("nhb1");
            return new NativeHaGroupStatus(host, "QMNHA", true, active ? "Active" : "Replica", "NHAWEST", "Live",
                    List.of(group("NHAWEST", "Live", true, 0), eastSeen()));
        }
        if (!eastStarted.contains(host)) {
            return new NativeHaGroupStatus(host, "QMNHA", false, "Unknown", "", "", List.of());
        }
        boolean first = host.equals(eastStarted.iterator().next());
        String role = !first ? "Replica" : "Live".equals(eastRole) ? "Active" : "Leader";
        return new NativeHaGroupStatus(host, "QMNHA", true, role, "NHAEAST", eastRole,
                List.of(eastSeen(), group("NHAWEST", "Live", true, 0)));
    }

    private NativeHaGroupStatus.Group eastSeen() {
        boolean connected = eastStarted.size() >= 2;
        long backlog = connected && pollsBehind == 0 ? 0 : 24;
        return group("NHAEAST", eastRole, connected, backlog);
    }

    private static NativeHaGroupStatus.Group group(String name, String role, boolean connected, long backlog) {
        return new NativeHaGroupStatus.Group(name, role, connected, backlog == 0, backlog, "2026-11-21T09:00:00.000000Z",
                "9.4.2.0");
    }

    private ProcessInstance startRejoin() {
        ProcessInstance run = start("nativeHaCrossRegionRejoinProcess", vars("queueManager", "QMNHA",
                "reason", "INC-77 east region back"));
        runJobs(run);
        return run;
    }

    /** One poll behind fewer, then the timer fires and the check runs again. */
    private void pollAgain(ProcessInstance run) {
        if (pollsBehind > 0) {
            pollsBehind--;
        }
        fireTimer(run);
    }

    @Test
    void theReturnedGroupIsMadeRecoveryBeforeAnyInstanceStartsThenWaitedForUntilInSync() {
        ProcessInstance run = startRejoin();

        assertThat(task(run).getName()).isEqualTo("Approve making NHAEAST of QMNHA Recovery (its unreplicated log is"
                + " discarded)");
        assertThat((String) variable(run, "planSummary")).startsWith("""
                Queue manager QMNHA: the region of NHAEAST is back after an unplanned switch to NHAWEST.
                Group      Now                        After      Hosts (instances)
                NHAWEST    Live (active on nhb1)      Live       nhb1, nhb2, nhb3
                NHAEAST    returned (3 of 3 answer)   Recovery   nha1, nha2, nha3
                """).contains("Data discarded: NHAEAST still holds the log it wrote as Live that NHAWEST never"
                + " received", "dspmq -o nativeha -g on nha1: not running (no group lines)");
        assertThat(commands).isEmpty();

        decide(run, "userTask_approveRejoin", vars("rejoinDecision", "approve"));
        assertThat(lastJobFailure).as("a failed step").isNull();
        // every instance asks for Recovery before the first one starts: there is never a second Live group
        assertThat(commands).containsExactly("nha1: GroupRole=Recovery", "nha2: GroupRole=Recovery",
                "nha3: GroupRole=Recovery", "nha1: strmqm QMNHA (requesting Recovery)",
                "nha2: strmqm QMNHA (requesting Recovery)", "nha3: strmqm QMNHA (requesting Recovery)");
        assertThat(variable(run, "rejoined")).isEqualTo(false);
        assertThat((String) variable(run, "rejoinStatus")).startsWith("Poll 1 of 20: as the active on nhb1 sees it:"
                + " GRPNAME(NHAEAST) GRPROLE(Recovery)").contains("BACKLOG(24) INSYNC(no)");

        pollAgain(run);
        assertThat(endEvent(run)).isEqualTo("endEvent_rejoined");
        assertThat(variable(run, "outcome")).isEqualTo("completed");
        assertThat((String) variable(run, "runLog")).contains("NHAEAST is Recovery (nha1: ROLE(Leader)"
                + " GRPROLE(Recovery))", "NHAEAST is Recovery and in sync with NHAWEST");
    }

    /**
     * Trust review: the gate shows planSummary (NHAEAST made Recovery, NHAWEST stays Live). While it is open an
     * administrator swaps the plan variables liveGroup and returnedGroup (both are still the queue manager's two
     * groups). The change manager approves what the form shows; the step must not ask the running Live group
     * to become Recovery.
     */
    @Test
    void groupsSwappedWhileTheGateIsOpenNeverMakeTheLiveGroupRecovery() {
        ProcessInstance run = startRejoin();
        assertThat((String) variable(run, "planSummary")).contains("NHAWEST    Live (active on nhb1)      Live");

        runtime.setVariable(run.getId(), "liveGroup", "NHAEAST");
        runtime.setVariable(run.getId(), "returnedGroup", "NHAWEST");
        assertThatThrownBy(() -> decide(run, "userTask_approveRejoin", vars("rejoinDecision", "approve")))
                .hasMessageContaining("would now show its approver something else than when it opened");

        assertThat(commands).as("what ran after approving 'NHAEAST becomes Recovery, NHAWEST stays Live'")
                .noneMatch(command -> command.startsWith("nhb") && command.endsWith("GroupRole=Recovery"));
    }

    @Test
    void aGroupThatDoesNotCatchUpAsksTheOperatorWhoKeepsWaitingOrStops() {
        pollsBehind = -1;
        ProcessInstance run = startRejoin();
        decide(run, "userTask_approveRejoin", vars("rejoinDecision", "approve"));
        runtime.setVariable(run.getId(), "rejoinPollLimit", 2);
        pollAgain(run);

        assertThat(task(run).getTaskDefinitionKey()).isEqualTo("userTask_decideRejoinWait");
        assertThat((String) variable(run, "rejoinStatus")).startsWith("Poll 2 of 2:");
        decide(run, "userTask_decideRejoinWait", vars("rejoinWaitDecision", "keep"));
        pollAgain(run);
        pollAgain(run);
        assertThat(task(run).getTaskDefinitionKey()).isEqualTo("userTask_decideRejoinWait");
        decide(run, "userTask_decideRejoinWait", vars("rejoinWaitDecision", "stop", "rejoinWaitComment",
                "link to the east is being repaired"));

        assertThat(endEvent(run)).isEqualTo("endEvent_stopped");
        assertThat((String) variable(run, "outcome")).startsWith("aborted: the operator stopped waiting for the"
                + " returned group to be in sync: Poll 2 of 2:");
    }

    @Test
    void aRejectedRejoinChangesNothing() {
        ProcessInstance run = startRejoin();
        decide(run, "userTask_approveRejoin", vars("rejoinDecision", "reject", "rejoinComment", "keep it down"));
        assertThat(endEvent(run)).isEqualTo("endEvent_rejected");
        assertThat(commands).isEmpty();
    }

    @Test
    void bothGroupsRunningAsLiveIsRefusedWithNothingChanged() {
        eastStarted.addAll(EAST);
        ProcessInstance run = startRejoin();

        assertThat(endEvent(run)).isEqualTo("endEvent_refused");
        assertThat(variable(run, "refusalCode")).isEqualTo("TWO_LIVE_GROUPS");
        assertThat((String) variable(run, "refusalReason")).startsWith("Rejoin refused: both groups of QMNHA run an"
                + " active Live instance (NHAEAST on nha1, NHAWEST on nhb1)").contains("end the instances of the group"
                + " to be made Recovery");
        assertThat(commands).isEmpty();
    }

    @Test
    void aReturnedRegionWithOneHostAnsweringIsRefused() {
        when(lab.control.nativeHaGroupStatus(anyString(), eq("QMNHA"))).thenAnswer(call -> {
            String host = call.getArgument(0);
            if (host.equals("nha2") || host.equals("nha3")) {
                throw new IllegalStateException("ssh: connect to host " + host + " port 22: Connection refused");
            }
            return groupStatus(host);
        });
        ProcessInstance run = startRejoin();

        assertThat(variable(run, "refusalCode")).isEqualTo("RETURNED_GROUP_NOT_REACHABLE");
        assertThat((String) variable(run, "refusalReason")).startsWith("Rejoin refused: only 1 of the three hosts of"
                + " NHAEAST answer");
        assertThat(commands).isEmpty();
    }
}

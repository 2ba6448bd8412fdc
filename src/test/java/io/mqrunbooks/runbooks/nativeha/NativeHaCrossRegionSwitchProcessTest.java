package io.mqrunbooks.runbooks.nativeha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.mqrunbooks.adapter.inbound.camunda.nativeha.AssessCrossRegionGroupsDelegate;
import io.mqrunbooks.adapter.inbound.camunda.nativeha.MakeLiveGroupRecoveryDelegate;
import io.mqrunbooks.adapter.inbound.camunda.nativeha.MakeRecoveryGroupLiveDelegate;
import io.mqrunbooks.adapter.inbound.camunda.nativeha.ProveNewLiveGroupDelegate;
import io.mqrunbooks.adapter.inbound.camunda.nativeha.RequireDataLossAcceptanceListener;
import io.mqrunbooks.application.dractivation.DrActivationSettings;
import io.mqrunbooks.application.dractivation.MessageFlowProof;
import io.mqrunbooks.application.nativeha.NativeHaCrossRegionSwitch;
import io.mqrunbooks.application.port.out.MqAdminPort;
import io.mqrunbooks.mq.NativeHaGroupStatus;
import io.mqrunbooks.mq.ControlOutcome;
import io.mqrunbooks.mq.ControlResult;
import io.mqrunbooks.runbooks.rdqm.RunbookEngineTestAccess;
import io.mqrunbooks.testsupport.RunbookTestEngine;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@Deployment(resources = {"processes/nativeHaCrossRegionSwitchProcess.bpmn", "forms/nativeHaCrossRegionSwitchStart.form",
        "forms/nativeHaCrossRegionApprove.form"})
class NativeHaCrossRegionSwitchProcessTest extends RunbookEngineTestAccess {

    private static final List<String> EAST = List.of("nha1", "nha2", "nha3");
    private static final List<String> WEST = List.of("nhb1", "nhb2", "nhb3");

    /** The two groups as a mocked control port reports them; a group's role follows two of its three requests. */
    private final Map<String, String> requested = new LinkedHashMap<>();
    private final Map<String, String> groupRole = new LinkedHashMap<>(Map.of("NHAEAST", "Live", "NHAWEST", "Recovery"));
    private final List<String> commands = new ArrayList<>();
    private long backlogKb;
    private boolean eastLost;
    /** A group whose instances do not take the requested role (e.g. they need a restart to reread qm.ini). */
    private boolean westIgnoresRequests;
    private final MqAdminPort admin = mock(MqAdminPort.class);

    @BeforeEach
    void crossRegionDelegates() {
        NativeHaCrossRegionSwitch crossRegion = new NativeHaCrossRegionSwitch(lab.estate, lab.control,
                new MessageFlowProof(admin, Clock.systemUTC()), DrActivationSettings.defaults());
        Mocks.register("assessCrossRegionGroupsDelegate", new AssessCrossRegionGroupsDelegate(crossRegion));
        Mocks.register("makeLiveGroupRecoveryDelegate", new MakeLiveGroupRecoveryDelegate(crossRegion,
                RunbookTestEngine.RECORDS));
        Mocks.register("makeRecoveryGroupLiveDelegate", new MakeRecoveryGroupLiveDelegate(crossRegion,
                RunbookTestEngine.RECORDS));
        Mocks.register("proveNewLiveGroupDelegate", new ProveNewLiveGroupDelegate(crossRegion));
        Mocks.register("requireDataLossAcceptanceListener", new RequireDataLossAcceptanceListener(
                RunbookTestEngine.RECORDS));
        EAST.forEach(h -> requested.put(h, "Live"));
        WEST.forEach(h -> requested.put(h, "Recovery"));
        when(lab.control.nativeHaGroupStatus(anyString(), eq("QMNHA"))).thenAnswer(call -> status(call.getArgument(0)));
        when(lab.control.requestNativeHaGroupRole(anyString(), eq("QMNHA"), anyString())).thenAnswer(call -> {
            String host = call.getArgument(0);
            String role = call.getArgument(2);
            commands.add(host + ": GroupRole=" + role);
            requested.put(host, role);
            String group = EAST.contains(host) ? "NHAEAST" : "NHAWEST";
            List<String> hosts = EAST.contains(host) ? EAST : WEST;
            boolean ignored = westIgnoresRequests && group.equals("NHAWEST");
            if (!ignored && hosts.stream().filter(h -> requested.get(h).equals(role)).count() >= 2) {
                groupRole.put(group, role);
            }
            return new ControlResult(ControlOutcome.GROUP_ROLE_REQUESTED, List.of(), 0);
        });
        String[] body = new String[1];
        doAnswer(call -> {
            body[0] = call.getArgument(3);
            commands.add("put test message on " + call.getArgument(0));
            return null;
        }).when(admin).putTestMessage(eq("QMNHA"), eq("MQRUNBOOKS.TEST"), anyString(), anyString());
        when(admin.getTestMessage(eq("QMNHA"), eq("MQRUNBOOKS.TEST"), anyString(), any()))
                .thenAnswer(call -> Optional.ofNullable(body[0]));
    }

    private NativeHaGroupStatus status(String host) {
        boolean east = EAST.contains(host);
        if (east && eastLost) {
            throw new IllegalStateException("ssh: connect to host " + host + " port 22: Connection refused");
        }
        String own = east ? "NHAEAST" : "NHAWEST";
        String other = east ? "NHAWEST" : "NHAEAST";
        boolean first = host.equals(east ? "nha1" : "nhb1");
        String ownRole = groupRole.get(own);
        String role = !first ? "Replica" : "Live".equals(ownRole) ? "Active" : "Leader";
        return new NativeHaGroupStatus(host, "QMNHA", true, role, own, ownRole, List.of(group(own), group(other)));
    }

    private NativeHaGroupStatus.Group group(String name) {
        boolean live = "Live".equals(groupRole.get(name));
        return new NativeHaGroupStatus.Group(name, groupRole.get(name), !eastLost, live || backlogKb == 0,
                live ? 0 : backlogKb, "2026-11-21T09:00:00.000000Z", "9.4.2.0");
    }

    private ProcessInstance startSwitch(String type) {
        ProcessInstance run = start("nativeHaCrossRegionSwitchProcess", vars("queueManager", "QMNHA",
                "switchType", type, "reason", "CHG-12 east region maintenance"));
        runJobs(run);
        return run;
    }

    @Test
    void aPlannedSwitchMakesLiveRecoveryFirstThenRecoveryLiveAndProvesMessagesFlow() {
        ProcessInstance run = startSwitch("planned");

        assertThat(task(run).getName()).isEqualTo("Approve the cross-region switch of QMNHA to NHAWEST");
        assertThat((String) variable(run, "planSummary")).startsWith("""
                Queue manager QMNHA (Native HA cross-region replication, planned)
                Group      Now        After                  Version    Hosts (instances)
                NHAEAST    Live       Recovery (first)       9.4.2.0    nha1, nha2, nha3
                NHAWEST    Recovery   Live (second)          9.4.2.0    nhb1, nhb2, nhb3
                """).contains("sed -i s/GroupRole=Live/GroupRole=Recovery/ /var/mqm/qmgrs/QMNHA/qm.ini");
        assertThat(variable(run, "dataLossWindow")).isEqualTo("");
        assertThat((String) variable(run, "versionReport")).contains("nha1", "nhb3");

        decide(run, "userTask_approveSwitch", vars("switchDecision", "approve"));

        assertThat(lastJobFailure).as("a failed step").isNull();
        assertThat(endEvent(run)).isEqualTo("endEvent_switched");
        assertThat(variable(run, "outcome")).isEqualTo("completed");
        assertThat(commands).containsExactly("nha1: GroupRole=Recovery", "nha2: GroupRole=Recovery",
                "nha3: GroupRole=Recovery", "nhb1: GroupRole=Live", "nhb2: GroupRole=Live", "nhb3: GroupRole=Live",
                "put test message on QMNHA");
        assertThat(((String) variable(run, "runLog")).split("\n")).contains(
                "NHAEAST is Recovery (nha1: ROLE(Leader) GRPROLE(Recovery))",
                "NHAWEST is Live (nhb1: ROLE(Active) GRPROLE(Live))");
        assertThat((String) variable(run, "runLog")).contains("put and got back test message",
                "on MQRUNBOOKS.TEST of QMNHA (group NHAWEST)");
    }

    @Test
    void aPlannedSwitchIsRefusedWhileTheRecoveryGroupHasABacklog() {
        backlogKb = 48;
        ProcessInstance run = startSwitch("planned");

        assertThat(endEvent(run)).isEqualTo("endEvent_refused");
        assertThat(variable(run, "refusalCode")).isEqualTo("GROUPS_NOT_IN_SYNC");
        assertThat((String) variable(run, "refusalReason")).startsWith("Planned cross-region switch refused: the"
                + " Recovery group NHAWEST is not in sync with the Live group NHAEAST (GRPNAME(NHAWEST)"
                + " GRPROLE(Recovery) GRPVER(9.4.2.0) CONNGRP(yes) BACKLOG(48) INSYNC(no)");
        assertThat(commands).isEmpty();
    }

    @Test
    void theOperatorWhoStartedTheSwitchCannotApproveIt() {
        ProcessInstance run = startSwitch("planned");
        identity.setAuthentication(OPERATOR, List.of("mq-operators", "change-managers"));
        try {
            assertThatThrownBy(() -> tasks.complete(task(run).getId(), vars("switchDecision", "approve")))
                    .isInstanceOf(AuthorizationException.class).hasMessageContaining("Four-eyes rule");
        } finally {
            identity.clearAuthentication();
        }
        assertThat(commands).isEmpty();
    }

    @Test
    void aRecoveryGroupThatDoesNotBecomeLiveIsAnIncidentNamingWhatDspmqSays() {
        westIgnoresRequests = true;
        ProcessInstance run = startSwitch("planned");
        decide(run, "userTask_approveSwitch", vars("switchDecision", "approve"));

        org.camunda.bpm.engine.runtime.Incident incident = exhaustRetries(run);
        assertThat(incident).isNotNull();
        assertThat(incident.getActivityId()).isEqualTo("serviceTask_makeRecoveryLive");
        assertThat(incident.getIncidentMessage()).startsWith("The group NHAWEST of QMNHA does not report"
                + " GRPROLE(Live) with an active instance yet:");
        assertThat(commands).doesNotContain("put test message on QMNHA");
    }

    @Test
    void aRejectedSwitchChangesNothing() {
        ProcessInstance run = startSwitch("planned");
        decide(run, "userTask_approveSwitch", vars("switchDecision", "reject", "switchComment", "not tonight"));
        assertThat(endEvent(run)).isEqualTo("endEvent_rejected");
        assertThat(commands).isEmpty();
    }

    @Test
    void anUnplannedSwitchShowsTheDataLossWindowAndNeedsItAcceptedBeforeRecoveryIsMadeLive() {
        backlogKb = 12;
        eastLost = true;
        ProcessInstance run = startSwitch("unplanned");

        assertThat((String) variable(run, "dataLossWindow")).isEqualTo("The Recovery group NHAWEST last knew it"
                + " lacked 12 KB of the Live group's log (BACKLOG), and was last in sync at"
                + " 2026-11-21T09:00:00.000000Z (SYNCTIME), as its leader on nhb1 reports. Messages put or got on"
                + " NHAEAST after that are lost when NHAWEST is made Live.");
        assertThat((String) variable(run, "planSummary")).contains("NHAEAST    Live       lost (left as it is)",
                "dspmq -o nativeha -g on nha1: no answer (ssh: connect to host nha1 port 22: Connection refused)");

        assertThatThrownBy(() -> decide(run, "userTask_approveSwitch", vars("switchDecision", "approve")))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("Approving an unplanned cross-region switch needs the data-loss window accepted");
        assertThat(commands).isEmpty();

        decide(run, "userTask_approveSwitch", vars("switchDecision", "approve", "dataLossAccepted", true));
        assertThat(endEvent(run)).isEqualTo("endEvent_switched");
        assertThat(commands).containsExactly("nhb1: GroupRole=Live", "nhb2: GroupRole=Live", "nhb3: GroupRole=Live",
                "put test message on QMNHA");
    }

    @Test
    void aForgedPlannedSwitchVariableDoesNotLetAnUnplannedSwitchBeApprovedWithoutTheAcceptance() {
        backlogKb = 12;
        eastLost = true;
        ProcessInstance run = startSwitch("unplanned");
        runtime.setVariable(run.getId(), "plannedSwitch", true);

        assertThatThrownBy(() -> decide(run, "userTask_approveSwitch", vars("switchDecision", "approve")))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("Approving an unplanned cross-region switch needs the data-loss window accepted");
        assertThat(commands).isEmpty();
    }

    /**
     * The step checks the gate's recorded decision itself, whatever the gate let through: here a run on a model
     * whose gate neither asks for nor records the acceptance (the model before the acceptance was recorded, standing
     * for any way round the gate's listener), approved without it, then {@code dataLossAccepted=true} set with
     * RuntimeService. The Recovery group is not touched and the incident says why.
     */
    @Test
    void aForgedDataLossAcceptanceDoesNotMakeTheRecoveryGroupLive() throws Exception {
        String model;
        try (var in = getClass().getClassLoader().getResourceAsStream("processes/nativeHaCrossRegionSwitchProcess.bpmn")) {
            model = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String withoutAcceptance = model
                .replace("<camunda:taskListener delegateExpression=\"${requireDataLossAcceptanceListener}\" event=\"complete\" />", "")
                .replace("versionReport,dataLossAccepted\"", "versionReport\"");
        assertThat(withoutAcceptance).doesNotContain("requireDataLossAcceptanceListener", "versionReport,dataLossAccepted");
        String older = engine.getRepositoryService().createDeployment()
                .addString("nativeHaCrossRegionSwitchProcess.bpmn", withoutAcceptance)
                .addClasspathResource("forms/nativeHaCrossRegionSwitchStart.form")
                .addClasspathResource("forms/nativeHaCrossRegionApprove.form").deploy().getId();
        org.camunda.bpm.engine.runtime.Incident incident;
        try {
            backlogKb = 12;
            eastLost = true;
            ProcessInstance run = startSwitch("unplanned");
            decide(run, "userTask_approveSwitch", vars("switchDecision", "approve"));
            runtime.setVariable(run.getId(), "dataLossAccepted", true);
            incident = exhaustRetries(run);
        } finally {
            engine.getRepositoryService().deleteDeployment(older, true);
        }
        assertThat(incident).isNotNull();
        assertThat(incident.getActivityId()).isEqualTo("serviceTask_makeRecoveryLive");
        assertThat(incident.getIncidentMessage()).startsWith("Unplanned cross-region switch of QMNHA: NHAWEST is made"
                + " Live only when an approver other than the initiator accepted the data-loss window at the gate,"
                + " and the gate's recorded approval by changemgr at ").contains("does not record 'dataLossAccepted'",
                "nothing was changed");
        assertThat(commands).isEmpty();
    }

    @Test
    void anUnplannedSwitchIsRefusedWhileTheLiveGroupStillRuns() {
        ProcessInstance run = startSwitch("unplanned");
        assertThat(endEvent(run)).isEqualTo("endEvent_refused");
        assertThat(variable(run, "refusalCode")).isEqualTo("LIVE_GROUP_REACHABLE");
        assertThat((String) variable(run, "refusalReason")).contains("use a planned switch, which loses no data");
    }
}

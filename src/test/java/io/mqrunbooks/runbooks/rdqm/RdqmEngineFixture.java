package io.mqrunbooks.runbooks.rdqm;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.when;
import io.mqrunbooks.mq.MqVersion;
import io.mqrunbooks.testsupport.RunbookTestEngine;
import io.mqrunbooks.application.versions.InstalledVersions;
import io.mqrunbooks.adapter.inbound.camunda.versions.ReadVersionsDelegate;
import static org.mockito.Mockito.mock;

import io.mqrunbooks.adapter.inbound.camunda.multiinstance.AssessInstancesDelegate;
import io.mqrunbooks.adapter.inbound.camunda.multiinstance.CheckTakeoverDelegate;
import io.mqrunbooks.adapter.inbound.camunda.multiinstance.SwitchOverInstanceDelegate;
import io.mqrunbooks.adapter.inbound.camunda.rdqm.AssessDrCreationDelegate;
import io.mqrunbooks.adapter.inbound.camunda.rdqm.AssessDrDeletionDelegate;
import io.mqrunbooks.adapter.inbound.camunda.rdqm.AssessFailoverDelegate;
import io.mqrunbooks.adapter.inbound.camunda.rdqm.AssessNodeReplacementDelegate;
import io.mqrunbooks.adapter.inbound.camunda.rdqm.AssessSwitchoverDelegate;
import io.mqrunbooks.adapter.inbound.camunda.rdqm.CheckDrSynchronizationDelegate;
import io.mqrunbooks.adapter.inbound.camunda.rdqm.CheckSnapshotRevertDelegate;
import io.mqrunbooks.adapter.inbound.camunda.rdqm.ConfirmDrDeletionDelegate;
import io.mqrunbooks.adapter.inbound.camunda.rdqm.ConfirmDrRolesDelegate;
import io.mqrunbooks.adapter.inbound.camunda.rdqm.CreateDrPrimaryDelegate;
import io.mqrunbooks.adapter.inbound.camunda.rdqm.CreateDrSecondaryDelegate;
import io.mqrunbooks.adapter.inbound.camunda.rdqm.DeleteQueueManagerDelegate;
import io.mqrunbooks.adapter.inbound.camunda.rdqm.DrSecondaryCommandJson;
import io.mqrunbooks.adapter.inbound.camunda.rdqm.EndQueueManagerDelegate;
import io.mqrunbooks.adapter.inbound.camunda.rdqm.MakeDrPrimaryDelegate;
import io.mqrunbooks.adapter.inbound.camunda.rdqm.MakeDrSecondaryDelegate;
import io.mqrunbooks.adapter.inbound.camunda.rdqm.ReadDrSecondaryCommandDelegate;
import io.mqrunbooks.adapter.inbound.camunda.rdqm.RecordFailoverDelegate;
import io.mqrunbooks.adapter.inbound.camunda.rdqm.StartQueueManagerDelegate;
import io.mqrunbooks.application.multiinstance.MultiInstanceSwitchover;
import io.mqrunbooks.application.port.out.MqControlPort;
import io.mqrunbooks.application.port.out.SshException;
import io.mqrunbooks.mq.ControlOutcome;
import io.mqrunbooks.mq.ControlResult;
import io.mqrunbooks.mq.DrStatus;
import io.mqrunbooks.mq.QmStatus;
import io.mqrunbooks.mq.QueueManagerState;
import io.mqrunbooks.mq.RdqmDrStatus;
import io.mqrunbooks.application.rdqm.RdqmFailover;
import io.mqrunbooks.application.rdqm.RdqmLifecycle;
import io.mqrunbooks.application.rdqm.RdqmNodeReplacement;
import io.mqrunbooks.application.rdqm.RdqmPairs;
import io.mqrunbooks.application.rdqm.RdqmSteps;
import io.mqrunbooks.application.rdqm.RdqmSwitchover;
import io.mqrunbooks.estate.Estate;
import io.mqrunbooks.estate.InventoryLoader;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.test.mock.Mocks;

/**
 * The RDQM and multi-instance delegates over the lab inventory and a mocked {@link MqControlPort}, registered
 * for engine tests, plus builders for what the port answers.
 */
public final class RdqmEngineFixture {

    public final MqControlPort control = mock(MqControlPort.class);
    public final Estate estate = labEstate();

    public RdqmEngineFixture() {
        RdqmPairs pairs = new RdqmPairs(estate, control);
        RdqmSteps steps = new RdqmSteps(control);
        RdqmSwitchover switchover = new RdqmSwitchover(pairs);
        RdqmFailover failover = new RdqmFailover(pairs);
        RdqmNodeReplacement replacement = new RdqmNodeReplacement(pairs, control);
        RdqmLifecycle lifecycle = new RdqmLifecycle(pairs, control, steps);
        DrSecondaryCommandJson json = new DrSecondaryCommandJson();
        MultiInstanceSwitchover multiInstance = new MultiInstanceSwitchover(estate, control);
        // dspmqver before each gate: every host runs the lab's 9.4.0.0 unless a test says otherwise
        when(control.version(anyString())).thenReturn(MqVersion.of("9.4.0.0"));
        Mocks.register("readVersionsDelegate", new ReadVersionsDelegate(RunbookTestEngine.RECORDS,
                new InstalledVersions(estate, control, RunbookTestEngine.bulletins())));
        Mocks.register("assessSwitchoverDelegate", new AssessSwitchoverDelegate(switchover));
        Mocks.register("endQueueManagerDelegate", new EndQueueManagerDelegate(steps));
        Mocks.register("makeDrSecondaryDelegate", new MakeDrSecondaryDelegate(steps));
        Mocks.register("makeDrPrimaryDelegate", new MakeDrPrimaryDelegate(steps));
        Mocks.register("startQueueManagerDelegate", new StartQueueManagerDelegate(steps));
        Mocks.register("deleteQueueManagerDelegate", new DeleteQueueManagerDelegate(steps));
        Mocks.register("confirmDrRolesDelegate", new ConfirmDrRolesDelegate(switchover));
        Mocks.register("assessFailoverDelegate", new AssessFailoverDelegate(failover));
        Mocks.register("checkSnapshotRevertDelegate", new CheckSnapshotRevertDelegate(failover, RunbookTestEngine.WAITS));
        Mocks.register("recordFailoverDelegate", new RecordFailoverDelegate(failover));
        Mocks.register("assessNodeReplacementDelegate", new AssessNodeReplacementDelegate(replacement));
        Mocks.register("readDrSecondaryCommandDelegate", new ReadDrSecondaryCommandDelegate(pairs, steps, json));
        Mocks.register("createDrSecondaryDelegate", new CreateDrSecondaryDelegate(pairs, steps, json));
        Mocks.register("checkDrSynchronizationDelegate", new CheckDrSynchronizationDelegate(pairs, RunbookTestEngine.WAITS));
        Mocks.register("assessDrCreationDelegate", new AssessDrCreationDelegate(lifecycle));
        Mocks.register("createDrPrimaryDelegate", new CreateDrPrimaryDelegate(lifecycle, json));
        Mocks.register("assessDrDeletionDelegate", new AssessDrDeletionDelegate(pairs, lifecycle));
        Mocks.register("confirmDrDeletionDelegate", new ConfirmDrDeletionDelegate(lifecycle));
        Mocks.register("assessInstancesDelegate", new AssessInstancesDelegate(multiInstance));
        Mocks.register("switchOverInstanceDelegate", new SwitchOverInstanceDelegate(multiInstance));
        Mocks.register("checkTakeoverDelegate", new CheckTakeoverDelegate(multiInstance, RunbookTestEngine.WAITS));
    }

    static Estate labEstate() {
        try (Reader yaml = new InputStreamReader(RdqmEngineFixture.class.getResourceAsStream("/lab/lab-estate.yaml"),
                StandardCharsets.UTF_8)) {
            return new InventoryLoader().load("lab-estate.yaml", yaml);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** rdqmstatus -m QMDR as the lab prints it (docs/lab.md), with the fields the parser keeps. */
    public static RdqmDrStatus rdqm(String node, QmStatus qm, boolean primary, DrStatus dr, Long outOfSyncKb,
                                    Double progress, String eta) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("Node", node);
        fields.put("Queue manager status", qm.mqWording());
        fields.put("Queue manager file system", "51MB used, 1.0GB allocated [5%]");
        fields.put("DR role", primary ? "Primary" : "Secondary");
        fields.put("DR status", dr.mqWording());
        if (outOfSyncKb != null) {
            fields.put("DR out of sync data", outOfSyncKb + "KB");
        }
        if (progress != null) {
            fields.put("DR synchronization progress", progress + "%");
            fields.put("DR estimated time to completion", eta);
        }
        return new RdqmDrStatus(node, qm, primary, dr, outOfSyncKb == null ? null : outOfSyncKb * 1024, progress, eta,
                fields);
    }

    public static RdqmDrStatus primaryNormal(String node) {
        return rdqm(node, QmStatus.RUNNING, true, DrStatus.NORMAL, 0L, null, null);
    }

    public static RdqmDrStatus secondaryNormal(String node) {
        return rdqm(node, QmStatus.ENDED_IMMEDIATELY, false, DrStatus.NORMAL, null, null, null);
    }

    public static QueueManagerState state(String host, String qm, QmStatus status) {
        return new QueueManagerState(host, qm, status, List.of());
    }

    public static QueueManagerState instances(String host, String qm, QmStatus status, String activeHost,
                                              String standbyHost) {
        List<QueueManagerState.Instance> list = standbyHost == null
                ? List.of(new QueueManagerState.Instance(activeHost, "Active"))
                : List.of(new QueueManagerState.Instance(activeHost, "Active"),
                new QueueManagerState.Instance(standbyHost, "Standby"));
        return new QueueManagerState(host, qm, status, list);
    }

    public static ControlResult result(ControlOutcome outcome, String... messages) {
        return new ControlResult(outcome, List.of(messages), 0);
    }

    public static SshException unreachable(String host) {
        return new SshException(SshException.Kind.HOST_UNREACHABLE, host,
                host + " (127.0.0.1:22101): connection refused");
    }
}

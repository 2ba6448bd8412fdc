package io.mqrunbooks.runbooks.nativeha;

import static io.mqrunbooks.runbooks.nativeha.NativeHaGroupModel.QM;
import static org.assertj.core.api.Assertions.assertThat;

import io.mqrunbooks.adapter.inbound.camunda.nativeha.AssessNativeHaGroupDelegate;
import io.mqrunbooks.adapter.inbound.camunda.nativeha.CheckGroupSyncDelegate;
import io.mqrunbooks.adapter.inbound.camunda.nativeha.ConfirmActiveInstanceDelegate;
import io.mqrunbooks.adapter.inbound.camunda.nativeha.EndInstanceDelegate;
import io.mqrunbooks.adapter.inbound.camunda.nativeha.ReadBackVersionDelegate;
import io.mqrunbooks.adapter.inbound.camunda.nativeha.StartInstanceDelegate;
import io.mqrunbooks.application.nativeha.NativeHaMaintenance;
import io.mqrunbooks.runbooks.rdqm.RunbookEngineTestAccess;
import io.mqrunbooks.testsupport.RunbookTestEngine;
import java.util.List;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Trust review: which instance a rolling-maintenance step ends is decided by the approved order and the run's
 * position in it. An administrator's variable write (REST {@code PUT .../variables/...}) must not move the
 * step to another instance than the approver was shown.
 */
@Deployment(resources = {"processes/nativeHaRollingMaintenanceProcess.bpmn", "forms/nativeHaMaintenanceStart.form",
        "forms/nativeHaMaintenanceApprove.form", "forms/nativeHaConfirmMaintenance.form",
        "forms/nativeHaSyncWaitDecide.form"})
class NativeHaMaintenancePlanTamperingTest extends RunbookEngineTestAccess {

    private NativeHaGroupModel group;

    @BeforeEach
    void nativeHaDelegates() {
        NativeHaMaintenance maintenance = new NativeHaMaintenance(lab.estate, lab.control);
        Mocks.register("assessNativeHaGroupDelegate", new AssessNativeHaGroupDelegate(maintenance));
        Mocks.register("checkGroupSyncDelegate", new CheckGroupSyncDelegate(maintenance, RunbookTestEngine.WAITS));
        Mocks.register("endInstanceDelegate", new EndInstanceDelegate(maintenance));
        Mocks.register("confirmActiveInstanceDelegate", new ConfirmActiveInstanceDelegate(maintenance));
        Mocks.register("readBackVersionDelegate", new ReadBackVersionDelegate(maintenance));
        Mocks.register("startInstanceDelegate", new StartInstanceDelegate(maintenance));
        group = new NativeHaGroupModel(lab.control);
    }

    private ProcessInstance startMaintenance() {
        ProcessInstance run = start("nativeHaRollingMaintenanceProcess", vars("queueManager", QM,
                "reason", "CHG-9 fix pack 9.4.0.26"));
        runJobs(run);
        assertThat(variable(run, "maintenanceOrder")).isEqualTo("nha2,nha3,nha1");
        return run;
    }

    /** The change manager approves the order shown; the steps after it wait as jobs, not yet run. */
    private void approveWithoutRunningTheSteps(ProcessInstance run) {
        Task gate = task(run);
        assertThat(gate.getTaskDefinitionKey()).isEqualTo("userTask_approveMaintenance");
        identity.setAuthentication(CHANGE_MANAGER, List.of("change-managers"));
        try {
            tasks.complete(gate.getId(), vars("maintenanceDecision", "approve"));
        } finally {
            identity.clearAuthentication();
        }
    }

    /**
     * Approved: replicas first (nha2, nha3), the active nha1 last. Between the approval and the first step an
     * administrator moves the run's position in the order ({@code instanceIndex}, in no gate's plan): the first
     * endmqm must still be nha2's, or the step must refuse; it must never end the active first.
     */
    @Test
    void anInstanceIndexWrittenAfterTheApprovalDoesNotEndTheActiveFirst() {
        ProcessInstance run = startMaintenance();
        approveWithoutRunningTheSteps(run);

        runtime.setVariable(run.getId(), "instanceIndex", 2);
        runJobs(run);

        assertThat(group.commands).as("what ran after the approval of the order nha2,nha3,nha1")
                .doesNotContain("nha1: endmqm -w QMNHA");
        assertThat(group.role).containsEntry("nha1", "Active");
    }

    /**
     * The gate shows {@code planSummary} (replicas first, the active last). While it is open an administrator
     * rewrites {@code maintenanceOrder}; the change manager approves what the form shows. The approval hashes
     * the rewritten order (it is a plan variable), so the step runs it: the active ends first, against the
     * summary the approver read.
     */
    @Test
    void anOrderRewrittenWhileTheGateIsOpenIsNotWhatTheApproverWasShown() {
        ProcessInstance run = startMaintenance();
        assertThat((String) variable(run, "planSummary")).contains("nha1       nha1       Active   Yes     0"
                + "            3 (last: ending it moves the active role to an in-sync replica)");

        runtime.setVariable(run.getId(), "maintenanceOrder", "nha1,nha2,nha3");
        approveWithoutRunningTheSteps(run);
        runJobs(run);

        assertThat(group.commands).as("what ran after the approval of a summary saying nha1 last")
                .doesNotContain("nha1: endmqm -w QMNHA");
        assertThat(group.role).containsEntry("nha1", "Active");
    }
}

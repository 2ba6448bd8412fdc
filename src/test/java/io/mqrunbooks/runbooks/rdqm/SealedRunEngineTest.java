package io.mqrunbooks.runbooks.rdqm;

import static io.mqrunbooks.runbooks.rdqm.RdqmEngineFixture.primaryNormal;
import static io.mqrunbooks.runbooks.rdqm.RdqmEngineFixture.secondaryNormal;
import static io.mqrunbooks.runbooks.rdqm.RdqmEngineFixture.state;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.mqrunbooks.mq.QmStatus;
import io.mqrunbooks.platform.run.RunDecision;
import io.mqrunbooks.platform.run.RunRecord;
import io.mqrunbooks.testsupport.RunbookTestEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sealed run of a switchover, in the engine: what is sealed at start, what a gate's decision records, and
 * the step that refuses to act when what was approved is not what the run holds any more.
 */
@Deployment(resources = {"processes/rdqmSwitchoverProcess.bpmn", "forms/rdqmSwitchoverStart.form",
        "forms/rdqmSwitchoverApprove.form"})
class SealedRunEngineTest extends RunbookEngineTest {

    private static final String QM = "QMDR";

    @BeforeEach
    void dr1IsThePrimary() {
        when(lab.control.rdqmStatus("dr1", QM)).thenReturn(primaryNormal("dr1"));
        when(lab.control.rdqmStatus("dr2", QM)).thenReturn(secondaryNormal("dr2"));
        when(lab.control.status("dr1", QM)).thenReturn(state("dr1", QM, QmStatus.RUNNING));
    }

    private ProcessInstance startAtTheGate() {
        ProcessInstance run = start("rdqmSwitchoverProcess", vars("queueManager", QM, "reason", "CHG-16",
                "initiator", "changemgr"));
        runJobs(run);
        assertThat(task(run).getTaskDefinitionKey()).isEqualTo("userTask_approveSwitchover");
        return run;
    }

    @Test
    void theRunIsSealedWithItsRealInitiatorAndItsStartFormsValues() {
        ProcessInstance run = startAtTheGate();

        RunRecord record = RunbookTestEngine.RECORDS.find(run.getId()).orElseThrow();
        assertThat(record.initiator()).isEqualTo(OPERATOR);
        assertThat(record.parameters()).containsExactly(java.util.Map.entry("queueManager", QM),
                java.util.Map.entry("reason", "CHG-16"));
        assertThat(record.planHash()).hasSize(64);
        assertThat(runtime.getVariable(run.getId(), "initiator")).isEqualTo(OPERATOR);
    }

    @Test
    void aRunIsNamedByItsChangeReferenceElseByRunbookQueueManagerAndTime() {
        identity.setAuthentication(OPERATOR, java.util.List.of("mq-operators"));
        String named;
        String unnamed;
        try {
            named = runtime.startProcessInstanceByKey("rdqmSwitchoverProcess", vars("queueManager", QM,
                    "reason", "planned", "changeReference", "CHG-4711")).getId();
            assertThat(businessKey(named)).isEqualTo("CHG-4711 rdqmSwitchover QMDR");
            // One run at a time on QMDR: the first is cancelled before the second starts.
            runtime.deleteProcessInstance(named, "named; the next run is started without a reference");
            unnamed = runtime.startProcessInstanceByKey("rdqmSwitchoverProcess", vars("queueManager", QM,
                    "reason", "planned")).getId();
        } finally {
            identity.clearAuthentication();
        }
        assertThat(businessKey(unnamed)).matches("rdqmSwitchover QMDR \\d{8}-\\d{4}");
    }

    private String businessKey(String runId) {
        return runtime.createProcessInstanceQuery().processInstanceId(runId).singleResult().getBusinessKey();
    }

    @Test
    void aGateDecisionRecordsWhoApprovedWhichPlan() {
        ProcessInstance run = startAtTheGate();
        decide(run, "userTask_approveSwitchover", vars("switchoverDecision", "reject", "switchoverComment", "no"));

        RunDecision decision = RunbookTestEngine.RECORDS.decisions(run.getId()).get(0);
        assertThat(decision.gateId()).isEqualTo("userTask_approveSwitchover");
        assertThat(decision.decidedBy()).isEqualTo(CHANGE_MANAGER);
        assertThat(decision.decision()).isEqualTo("reject");
        assertThat(decision.approved()).isFalse();
        assertThat(decision.planVariables()).containsExactly("oldPrimaryNode", "newPrimaryNode", "versionReport");
    }

    @Test
    void aStepRefusesWhenWhatTheGateApprovedChangedAfterwards() {
        ProcessInstance run = startAtTheGate();
        identity.setAuthentication(CHANGE_MANAGER, java.util.List.of("change-managers"));
        try {
            tasks.complete(task(run).getId(), vars("switchoverDecision", "approve"));
        } finally {
            identity.clearAuthentication();
        }
        // Between the approval and the step: what the approver saw is no longer what the run holds.
        runtime.setVariable(run.getId(), "newPrimaryNode", "dr1");

        runJobs(run);

        assertThat(lastJobFailure).hasMessageContaining("Step 'End the queue manager on the primary' of run "
                + run.getId() + " needs the approval of gate userTask_approveSwitchover")
                .hasMessageContaining("but the approval by changemgr at ")
                .hasMessageContaining("what [oldPrimaryNode, newPrimaryNode, versionReport] held has changed since; nothing was"
                        + " changed");
        verify(lab.control, never()).end(anyString(), anyString(), any(), anyBoolean());
    }

    /**
     * Deployment refuses a step tied to an acknowledgement-only gate (DeployedModelRules); this engine deploys without
     * those rules, as code inside the server could, and the step itself still refuses an acknowledgement.
     */
    @Test
    void anAcknowledgementApprovesNoStepEvenWhereAModelTiesOneToIt() throws java.io.IOException {
        String model;
        try (var in = getClass().getResourceAsStream("/processes/rdqmSwitchoverProcess.bpmn")) {
            model = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        // Deleted with its runs at the end: a run left waiting would hold QMDR for the tests after this one.
        String deployment = engine.getRepositoryService().createDeployment()
                .addString("rdqmSwitchoverProcess.bpmn", model
                        .replace("camunda:formRef=\"rdqmSwitchoverApprove\"",
                                "camunda:formRef=\"clusterMigrationAcknowledgeOutage\"")
                        .replace("${switchoverDecision == 'approve'}", "${outageDecision == 'acknowledge'}"))
                .addClasspathResource("forms/clusterMigrationAcknowledgeOutage.form").deploy().getId();
        try {
            refusesAnAcknowledgement();
        } finally {
            engine.getRepositoryService().deleteDeployment(deployment, true);
        }
    }

    private void refusesAnAcknowledgement() {
        ProcessInstance run = startAtTheGate();
        identity.setAuthentication(CHANGE_MANAGER, java.util.List.of("change-managers"));
        try {
            tasks.complete(task(run).getId(), vars("outageDecision", "acknowledge"));
        } finally {
            identity.clearAuthentication();
        }

        runJobs(run);

        assertThat(lastJobFailure).hasMessageContaining("needs the approval of gate userTask_approveSwitchover")
                .hasMessageContaining("but the gate's decision was 'acknowledge' by changemgr at ")
                .hasMessageContaining("an acknowledgement approves no change; nothing was changed");
        verify(lab.control, never()).end(anyString(), anyString(), any(), anyBoolean());
    }

    @Test
    void aStepStartedPastItsGateRefuses() {
        ProcessInstance run = startAtTheGate();
        runtime.createProcessInstanceModification(run.getId()).startBeforeActivity("serviceTask_endPrimary").execute();

        runJobs(run);

        assertThat(lastJobFailure).hasMessageContaining("needs the approval of gate userTask_approveSwitchover for"
                + " plan ").hasMessageContaining("that gate has not been decided in this run; nothing was changed");
        verify(lab.control, never()).end(anyString(), anyString(), any(), anyBoolean());
    }
}

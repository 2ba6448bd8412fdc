package io.mqrunbooks.runbooks.rdqm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Trust review: the create step of a DR secondary runs the command an earlier step stored in the variable
 * {@code drSecondaryCommand}, in no gate's plan. It is checked against the inventory before it runs; this test
 * writes the one part it is not checked on (the replication type) between the two steps, as an administrator
 * could with {@code PUT /engine-rest/process-instance/{id}/variables/drSecondaryCommand}.
 */
@Deployment(resources = {"processes/rdqmCreateProcess.bpmn", "forms/rdqmCreateStart.form",
        "forms/rdqmCreateApprove.form", "forms/rdqmSyncWaitDecide.form"})
class RdqmSecondaryCommandTamperingTest extends RunbookEngineTest {

    private FakeDrPair pair;

    @BeforeEach
    void fakePair() {
        pair = new FakeDrPair(lab.control);
        pair.nodes.values().forEach(n -> {
            n.exists = false;
            n.primary = false;
            n.running = false;
        });
        pair.syncPollsAfterCreate = 1;
    }

    @Test
    void aReplicationTypeWrittenIntoTheStoredSecondaryCommandIsNotRun() {
        ProcessInstance run = start("rdqmCreateProcess", vars("queueManager", "QMDR", "reason", "CHG-50"));
        runJobs(run);
        assertThat((String) variable(run, "createSummary")).contains("From the inventory: asynchronous replication");
        Task gate = task(run);
        identity.setAuthentication(CHANGE_MANAGER, List.of("change-managers"));
        try {
            tasks.complete(gate.getId(), vars("createDecision", "approve"));
        } finally {
            identity.clearAuthentication();
        }
        Job createPrimary = management.createJobQuery().processInstanceId(run.getId()).messages().singleResult();
        management.executeJob(createPrimary.getId());
        String stored = (String) runtime.getVariable(run.getId(), "drSecondaryCommand");
        assertThat(stored).contains("\"replicationType\":null");

        runtime.setVariable(run.getId(), "drSecondaryCommand",
                stored.replace("\"replicationType\":null", "\"replicationType\":\"s\""));
        runJobs(run);

        assertThat(pair.commands).as("what ran on the new secondary, the inventory saying asynchronous replication")
                .noneMatch(command -> command.startsWith("dr2: crtmqm -rr s -rt s"));
    }
}

package io.mqrunbooks.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqrunbooks.application.port.out.CommandEvidenceSink;
import io.mqrunbooks.testsupport.LabAppTest;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The whole application: Flyway creates the evidence tables on the app's H2 database, the starter applies
 * the engine plugin, the job executor runs the command step, and the sink bean records its command. In the end-to-end
 * tests' one context; its command step is {@link io.mqrunbooks.testsupport.LabAppTestBeans}'s.
 */
class EvidenceSpringWiringTest extends LabAppTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    EvidenceStore store;
    @Autowired
    CommandEvidenceSink sink;

    private String deploymentId;

    /** The test's process goes as it came: the other end-to-end tests share this engine. */
    @AfterEach
    void undeployTheTestProcess() {
        if (deploymentId != null) {
            engine.getRepositoryService().deleteDeployment(deploymentId, true);
        }
    }

    @Test
    void aRunInTheApplicationIsRecordedAndItsChainVerifies() throws Exception {
        assertThat(sink).isInstanceOf(RecordingCommandEvidenceSink.class);
        deploymentId = engine.getRepositoryService().createDeployment()
                .addClasspathResource("evidence/evidence-capture-test.bpmn").deploy().getId();
        String runId = engine.getRuntimeService().startProcessInstanceByKey("evidenceCaptureTestProcess", "DR-WIRING",
                Map.of("reason", "wiring test")).getId();

        long deadline = System.currentTimeMillis() + 30_000;
        while (engine.getTaskService().createTaskQuery().processInstanceId(runId).count() == 0) {
            assertThat(System.currentTimeMillis()).as("job executor ran the command step within 30 s").isLessThan(deadline);
            Thread.sleep(100);
        }
        String gate = engine.getTaskService().createTaskQuery().processInstanceId(runId).singleResult().getId();
        engine.getTaskService().complete(gate, Map.of("approved", true, "approvalComment", "ok"));
        String partner = engine.getTaskService().createTaskQuery().processInstanceId(runId).singleResult().getId();
        engine.getTaskService().complete(partner, Map.of("channelsRepointed", true));

        List<EvidenceKind> kinds = store.records(runId).stream().map(EvidenceRecord::kind).toList();
        assertThat(kinds).startsWith(EvidenceKind.RUN_STARTED).endsWith(EvidenceKind.RUN_ENDED)
                .contains(EvidenceKind.COMMAND, EvidenceKind.GATE, EvidenceKind.USER_TASK);
        assertThat(store.records(runId)).filteredOn(r -> r.kind() == EvidenceKind.COMMAND).singleElement()
                .satisfies(r -> assertThat(r.stepId()).isEqualTo("serviceTask_checkQueueManager"));
        assertThat(store.verifyChain(runId).intact()).isTrue();
        assertThat(store.run(runId).orElseThrow().reason()).isEqualTo("wiring test");
    }
}

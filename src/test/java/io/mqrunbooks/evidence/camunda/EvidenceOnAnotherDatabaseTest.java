package io.mqrunbooks.evidence.camunda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqrunbooks.application.port.out.CommandResult;
import io.mqrunbooks.evidence.EvidenceRecord;
import io.mqrunbooks.evidence.EvidenceStore;
import io.mqrunbooks.evidence.RecordingCommandEvidenceSink;
import io.mqrunbooks.evidence.SecretScrubber;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An engine whose tables are not in the evidence store's database cannot share its commit with the
 * evidence: its records are then written in a transaction of their own at the end of each command, and a
 * failed attempt stays on record in the order things happened.
 */
class EvidenceOnAnotherDatabaseTest {

    static final String STEP = "serviceTask_check";

    static EvidenceStore store;
    static ProcessEngine engine;
    static final AtomicInteger FAILURES_TO_THROW = new AtomicInteger();

    @BeforeAll
    static void start() {
        JdbcDataSource evidenceDatabase = new JdbcDataSource();
        evidenceDatabase.setURL("jdbc:h2:mem:evidence-elsewhere;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
        evidenceDatabase.setUser("sa");
        Flyway.configure().dataSource(evidenceDatabase).locations("classpath:db/migration").load().migrate();
        store = new EvidenceStore(evidenceDatabase, new SecretScrubber());
        RecordingCommandEvidenceSink sink = new RecordingCommandEvidenceSink(store);
        JavaDelegate step = execution -> {
            boolean fail = FAILURES_TO_THROW.getAndDecrement() > 0;
            sink.commandRan(new CommandResult("drhost1", "dspmq -m QM1", fail ? 255 : 0, "", "", Duration.ofMillis(2), false));
            if (fail) {
                throw new IllegalStateException("drhost1 unreachable");
            }
        };
        ProcessEngineConfigurationImpl configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setJdbcUrl("jdbc:h2:mem:evidence-elsewhere-engine;DB_CLOSE_DELAY=-1");
        configuration.setHistory(ProcessEngineConfigurationImpl.HISTORY_FULL);
        configuration.setJobExecutorActivate(false);
        configuration.setBeans(Map.of("step", step));
        configuration.setProcessEnginePlugins(List.of(new EvidenceEnginePlugin(store, new SecretScrubber())));
        configuration.setProcessEngineName("evidence-elsewhere");
        engine = configuration.buildProcessEngine();
        engine.getRepositoryService().createDeployment().addModelInstance("elsewhere.bpmn",
                Bpmn.createExecutableProcess("elsewhereProcess").camundaHistoryTimeToLive(1)
                        .startEvent("startEvent_started")
                        .serviceTask(STEP).name("Check the queue manager").camundaAsyncBefore()
                        .camundaDelegateExpression("${step}")
                        .endEvent("endEvent_done").done()).deploy();
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    @Test
    void aFailedAttemptAndTheRetryThatSucceededAreRecordedInOrder() {
        FAILURES_TO_THROW.set(1);
        String runId = engine.getRuntimeService().startProcessInstanceByKey("elsewhereProcess", "ELSEWHERE-1").getId();
        String jobId = engine.getManagementService().createJobQuery().processInstanceId(runId).singleResult().getId();
        assertThatThrownBy(() -> engine.getManagementService().executeJob(jobId)).hasMessageContaining("drhost1 unreachable");
        engine.getManagementService().executeJob(jobId);

        List<EvidenceRecord> records = store.records(runId);
        assertThat(records).extracting(r -> r.kind() + " " + r.stepId()).containsExactly(
                "RUN_STARTED null",
                "STEP_STARTED startEvent_started",
                "STEP_ENDED startEvent_started",
                "STEP_STARTED " + STEP,
                "COMMAND " + STEP,
                "RETRY " + STEP,
                "STEP_STARTED " + STEP,
                "COMMAND " + STEP,
                "STEP_ENDED " + STEP,
                "STEP_STARTED endEvent_done",
                "STEP_ENDED endEvent_done",
                "RUN_ENDED null");
        assertThat(records.get(4).payload()).contains("\"exitCode\":255");
        assertThat(store.verifyChain(runId).intact()).isTrue();
    }
}

package io.mqrunbooks.platform.run;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer;
import org.springframework.stereotype.Component;

/**
 * Leases for the runs already running when leases came (V7), or started since on a node without them: once the
 * engine is built, before this node serves a request or its job executor acquires a job, every running run with
 * a sealed record leases its sealed scope ({@link TargetLeasing#backfill}). Runs on every start; what is leased
 * stays leased, so a second pass, or a second node starting at the same moment, takes nothing twice.
 */
@Component
public class TargetLeaseBackfill extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(TargetLeaseBackfill.class);

    private final RunRecords records;
    private final TargetLeasing leasing;
    private final ObjectProvider<FlywayMigrationInitializer> migrations;
    private ProcessEngine engine;

    public TargetLeaseBackfill(RunRecords records, TargetLeasing leasing,
                               ObjectProvider<FlywayMigrationInitializer> migrations) {
        this.records = records;
        this.leasing = leasing;
        this.migrations = migrations;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        // run_target_lease comes from the product's migrations; make sure they ran.
        migrations.getIfAvailable();
        this.engine = processEngine;
        backfill();
    }

    /** Leases what the running runs' sealed scopes name and nobody holds; returns how many leases were taken. */
    public int backfill() {
        RuntimeService runtime = engine.getRuntimeService();
        // No user is authenticated here: the query sees every run.
        List<TargetLeasing.ActiveRun> running = new ArrayList<>();
        for (ProcessInstance run : runtime.createProcessInstanceQuery().list()) {
            records.find(run.getId()).ifPresent(record -> running.add(new TargetLeasing.ActiveRun(record,
                    run.getRootProcessInstanceId() == null ? run.getId() : run.getRootProcessInstanceId(),
                    run.getBusinessKey())));
        }
        int taken = leasing.backfill(running, runId -> runtime.createProcessInstanceQuery().processInstanceId(runId)
                .count() > 0);
        if (taken > 0) {
            log.info("Target leases: {} taken for runs that were running without them ({} running runs)", taken,
                    running.size());
        }
        return taken;
    }
}

package io.mqrunbooks.adapter.inbound.camunda.clustermigration;

import io.mqrunbooks.application.clustermigration.ClusterMigrationSteps;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** SUSPEND QMGR CLUSTER(c) for each cluster, skipped where it is already suspended; starts the traffic watch. */
@Component
public class SuspendQueueManagerDelegate implements JavaDelegate {

    private final ClusterMigrationSteps steps;

    public SuspendQueueManagerDelegate(ClusterMigrationSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        MigrationRun.log(execution, steps.suspend(MigrationRun.plan(execution)));
        execution.setVariable(ClusterMigrationVariables.TRAFFIC_SAMPLE_COUNT, 0);
        execution.setVariable(ClusterMigrationVariables.TRAFFIC_SAMPLES, "");
    }
}

package io.mqrunbooks.adapter.inbound.camunda.clustermigration;

import static io.mqrunbooks.adapter.inbound.camunda.clustermigration.ClusterMigrationVariables.*;

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
        ClusterMigrationVariables.log(execution, steps.suspend(PLAN.get(execution)));
        TRAFFIC_SAMPLE_COUNT.set(execution, 0);
        TRAFFIC_SAMPLES.set(execution, "");
    }
}

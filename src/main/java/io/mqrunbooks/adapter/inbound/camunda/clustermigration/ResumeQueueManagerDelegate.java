package io.mqrunbooks.adapter.inbound.camunda.clustermigration;

import static io.mqrunbooks.adapter.inbound.camunda.clustermigration.ClusterMigrationVariables.*;

import io.mqrunbooks.application.clustermigration.ClusterMigrationSteps;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** RESUME QMGR CLUSTER(c) for each cluster, skipped where it is not suspended. */
@Component
public class ResumeQueueManagerDelegate implements JavaDelegate {

    private final ClusterMigrationSteps steps;

    public ResumeQueueManagerDelegate(ClusterMigrationSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ClusterMigrationVariables.log(execution, steps.resume(PLAN.get(execution)));
    }
}

package io.mqrunbooks.adapter.inbound.camunda.clustermigration;

import static io.mqrunbooks.adapter.inbound.camunda.clustermigration.ClusterMigrationVariables.*;

import io.mqrunbooks.application.clustermigration.ClusterMigrationSteps;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Makes sure the dedicated test queues exist on both sides before anything is recorded. */
@Component
public class PrepareTestQueuesDelegate implements JavaDelegate {

    private final ClusterMigrationSteps steps;

    public PrepareTestQueuesDelegate(ClusterMigrationSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ClusterMigrationVariables.log(execution, steps.ensureTestQueues(PLAN.get(execution)));
    }
}

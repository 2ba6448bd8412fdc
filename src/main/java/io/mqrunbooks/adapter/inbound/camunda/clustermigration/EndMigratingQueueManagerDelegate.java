package io.mqrunbooks.adapter.inbound.camunda.clustermigration;

import static io.mqrunbooks.adapter.inbound.camunda.clustermigration.ClusterMigrationVariables.*;

import io.mqrunbooks.application.clustermigration.ClusterMigrationSteps;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** endmqm with the configured mode, unless dspmq already shows it ended; starts the wait for the end. */
@Component
public class EndMigratingQueueManagerDelegate implements JavaDelegate {

    private final ClusterMigrationSteps steps;

    public EndMigratingQueueManagerDelegate(ClusterMigrationSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ClusterMigrationVariables.log(execution, steps.end(PLAN.get(execution), steps.settings().endMode()));
        STATUS_POLL_COUNT.set(execution, 0);
    }
}

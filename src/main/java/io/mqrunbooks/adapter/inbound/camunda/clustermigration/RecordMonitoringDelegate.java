package io.mqrunbooks.adapter.inbound.camunda.clustermigration;

import io.mqrunbooks.application.clustermigration.ClusterMigrationSteps;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** After the monitoring period: how the full repositories see it and its cluster queues' depths, for sign-off. */
@Component
public class RecordMonitoringDelegate implements JavaDelegate {

    private final ClusterMigrationSteps steps;

    public RecordMonitoringDelegate(ClusterMigrationSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(ClusterMigrationVariables.MONITORING_SUMMARY, MigrationRun.text(
                steps.monitor(MigrationRun.plan(execution)), "see the command log"));
    }
}

package io.mqrunbooks.adapter.inbound.camunda.clustermigration;

import static io.mqrunbooks.adapter.inbound.camunda.clustermigration.ClusterMigrationVariables.*;

import io.mqrunbooks.application.clustermigration.ClusterMigrationSteps;
import io.mqrunbooks.platform.runbook.RunText;
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
        MONITORING_SUMMARY.set(execution, RunText.fit(
                steps.monitor(PLAN.get(execution)), "see the command log"));
    }
}

package io.mqrunbooks.adapter.inbound.camunda.clustermigration;

import static io.mqrunbooks.adapter.inbound.camunda.clustermigration.ClusterMigrationVariables.TRAFFIC_SAMPLES;
import static io.mqrunbooks.adapter.inbound.camunda.clustermigration.ClusterMigrationVariables.TRAFFIC_SAMPLE_COUNT;

import io.mqrunbooks.application.clustermigration.ClusterMigrationSteps;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** One sample of the traffic to the suspended queue manager, appended to the record of the watch. */
@Component
public class SampleTrafficDelegate implements JavaDelegate {

    private final ClusterMigrationSteps steps;

    public SampleTrafficDelegate(ClusterMigrationSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String sample = steps.sampleTraffic(MigrationRun.plan(execution));
        execution.setVariable(TRAFFIC_SAMPLES, MigrationRun.tail(
                MigrationRun.stringOrEmpty(execution.getVariable(TRAFFIC_SAMPLES)) + sample + "\n"));
        execution.setVariable(TRAFFIC_SAMPLE_COUNT, MigrationRun.intOrZero(execution.getVariable(TRAFFIC_SAMPLE_COUNT)) + 1);
    }
}

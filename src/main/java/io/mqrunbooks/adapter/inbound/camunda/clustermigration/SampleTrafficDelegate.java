package io.mqrunbooks.adapter.inbound.camunda.clustermigration;

import static io.mqrunbooks.adapter.inbound.camunda.clustermigration.ClusterMigrationVariables.*;

import static io.mqrunbooks.adapter.inbound.camunda.clustermigration.ClusterMigrationVariables.TRAFFIC_SAMPLES;
import static io.mqrunbooks.adapter.inbound.camunda.clustermigration.ClusterMigrationVariables.TRAFFIC_SAMPLE_COUNT;

import io.mqrunbooks.application.clustermigration.ClusterMigrationSteps;
import io.mqrunbooks.platform.runbook.RunText;
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
        String sample = steps.sampleTraffic(PLAN.get(execution));
        RunText.appendLine(execution, TRAFFIC_SAMPLES, sample);
        TRAFFIC_SAMPLE_COUNT.set(execution, TRAFFIC_SAMPLE_COUNT.getOrDefault(execution, 0) + 1);
    }
}

package io.mqrunbooks.adapter.inbound.camunda.clustermigration;

import static io.mqrunbooks.adapter.inbound.camunda.clustermigration.ClusterMigrationVariables.*;

import io.mqrunbooks.application.clustermigration.ClusterMigrationSteps;
import io.mqrunbooks.platform.runbook.RunText;
import io.mqrunbooks.application.clustermigration.MigrationPlan;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Lists the cluster queues only this queue manager hosts (seed 002, "Alternate destinations"). */
@Component
public class FindSoleHostedQueuesDelegate implements JavaDelegate {

    private final ClusterMigrationSteps steps;

    public FindSoleHostedQueuesDelegate(ClusterMigrationSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        MigrationPlan plan = PLAN.get(execution);
        ClusterMigrationSteps.SoleHostedQueues sole = steps.soleHostedQueues(plan);
        SOLE_HOSTED_QUEUES.set(execution, sole.queues());
        SOLE_HOSTED_COUNT.set(execution, sole.queues().size());
        SOLE_HOSTED_SUMMARY.set(execution, RunText.fit(sole.summary(plan.queueManager()),
                "the full list is the JSON variable " + SOLE_HOSTED_QUEUES.name()));
    }
}

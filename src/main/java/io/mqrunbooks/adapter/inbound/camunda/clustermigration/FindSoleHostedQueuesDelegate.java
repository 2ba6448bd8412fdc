package io.mqrunbooks.adapter.inbound.camunda.clustermigration;

import static io.mqrunbooks.adapter.inbound.camunda.clustermigration.ClusterMigrationVariables.*;

import io.mqrunbooks.application.clustermigration.ClusterMigrationSteps;
import io.mqrunbooks.application.clustermigration.MigrationJson;
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
        MigrationPlan plan = MigrationRun.plan(execution);
        ClusterMigrationSteps.SoleHostedQueues sole = steps.soleHostedQueues(plan);
        MigrationRun.setJson(execution, SOLE_HOSTED_QUEUES, sole.queues());
        execution.setVariable(SOLE_HOSTED_COUNT, sole.queues().size());
        execution.setVariable(SOLE_HOSTED_SUMMARY, MigrationRun.text(sole.summary(plan.queueManager()),
                "the full list is the JSON variable " + SOLE_HOSTED_QUEUES));
    }
}

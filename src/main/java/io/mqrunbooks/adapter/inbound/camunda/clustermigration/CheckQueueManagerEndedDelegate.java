package io.mqrunbooks.adapter.inbound.camunda.clustermigration;

import static io.mqrunbooks.adapter.inbound.camunda.clustermigration.ClusterMigrationVariables.*;

import io.mqrunbooks.application.clustermigration.ClusterMigrationSteps;
import io.mqrunbooks.application.clustermigration.MigrationPlan;
import io.mqrunbooks.mq.QmStatus;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** dspmq: has it ended? After the configured number of polls a queue manager that has not ended is an incident. */
@Component
public class CheckQueueManagerEndedDelegate implements JavaDelegate {

    private final ClusterMigrationSteps steps;

    public CheckQueueManagerEndedDelegate(ClusterMigrationSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        MigrationPlan plan = MigrationRun.plan(execution);
        QmStatus status = steps.status(plan);
        int polls = MigrationRun.intOrZero(execution.getVariable(STATUS_POLL_COUNT)) + 1;
        if (!status.isEnded() && polls > steps.settings().statusPollLimit()) {
            throw new IllegalStateException(plan.queueManager() + " on " + plan.host() + " has not ended: dspmq shows "
                    + status.mqWording() + " after " + steps.settings().statusPollLimit() + " checks "
                    + steps.settings().statusPollInterval() + " apart; end it by hand, then retry this step");
        }
        execution.setVariable(STATUS_POLL_COUNT, polls);
        execution.setVariable(QUEUE_MANAGER_STATUS, status.mqWording());
        execution.setVariable(QUEUE_MANAGER_ENDED, status.isEnded());
        if (status.isEnded()) {
            MigrationRun.log(execution, "dspmq -m " + plan.queueManager() + ": " + status.mqWording());
        }
    }
}

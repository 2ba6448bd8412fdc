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
        MigrationPlan plan = PLAN.get(execution);
        QmStatus status = steps.status(plan);
        int polls = STATUS_POLL_COUNT.getOrDefault(execution, 0) + 1;
        if (!status.isEnded() && polls > steps.settings().statusPollLimit()) {
            throw new IllegalStateException(plan.queueManager() + " on " + plan.host() + " has not ended: dspmq shows "
                    + status.mqWording() + " after " + steps.settings().statusPollLimit() + " checks "
                    + steps.settings().statusPollInterval() + " apart; end it by hand, then retry this step");
        }
        STATUS_POLL_COUNT.set(execution, polls);
        QUEUE_MANAGER_STATUS.set(execution, status.mqWording());
        QUEUE_MANAGER_ENDED.set(execution, status.isEnded());
        if (status.isEnded()) {
            ClusterMigrationVariables.log(execution, "dspmq -m " + plan.queueManager() + ": " + status.mqWording());
        }
    }
}

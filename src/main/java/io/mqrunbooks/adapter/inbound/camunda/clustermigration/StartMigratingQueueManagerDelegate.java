package io.mqrunbooks.adapter.inbound.camunda.clustermigration;

import static io.mqrunbooks.adapter.inbound.camunda.clustermigration.ClusterMigrationVariables.*;

import io.mqrunbooks.application.clustermigration.ClusterMigrationSteps;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * strmqm unless it runs. At the new version a refusal is a failed verification (BpmnError, to the backout); in
 * the backout ({@code viewPhase} = backout) there is nowhere left to go, so it is an incident.
 */
@Component
public class StartMigratingQueueManagerDelegate implements JavaDelegate {

    private final ClusterMigrationSteps steps;

    public StartMigratingQueueManagerDelegate(ClusterMigrationSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ClusterMigrationSteps.StartResult result = steps.start(PLAN.get(execution));
        ClusterMigrationVariables.log(execution, result.logLine());
        CHANNEL_POLL_COUNT.set(execution, 0);
        if (!result.running()) {
            if ("backout".equals(VIEW_PHASE.getLocal(execution))) {
                throw new IllegalStateException(result.logLine());
            }
            BACKOUT_REASON.set(execution,
                    "the queue manager did not start at the new version: " + result.logLine());
            throw new BpmnError(MigrationErrors.START_REFUSED, result.logLine());
        }
    }
}

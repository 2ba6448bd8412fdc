package io.mqrunbooks.adapter.inbound.camunda.clustermigration;

import static io.mqrunbooks.adapter.inbound.camunda.clustermigration.ClusterMigrationVariables.*;

import static io.mqrunbooks.adapter.inbound.camunda.clustermigration.ClusterMigrationVariables.BACKOUT_REASON;
import static io.mqrunbooks.adapter.inbound.camunda.clustermigration.ClusterMigrationVariables.TEST_SUMMARY;

import io.mqrunbooks.application.clustermigration.ClusterMigrationSteps;
import io.mqrunbooks.platform.runbook.RunText;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** A test message each way between the migrated queue manager and its peer; one missing: backout. */
@Component
public class SendTestMessagesDelegate implements JavaDelegate {

    private final ClusterMigrationSteps steps;

    public SendTestMessagesDelegate(ClusterMigrationSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ClusterMigrationSteps.TestFlow flow = steps.testMessages(PLAN.get(execution),
                execution.getProcessInstanceId());
        String summary = String.join("\n", flow.log());
        TEST_SUMMARY.set(execution, RunText.fit(summary, "see the command log"));
        ClusterMigrationVariables.log(execution, flow.log());
        if (!flow.delivered()) {
            String reason = "test message not delivered: " + String.join("; ", flow.log());
            BACKOUT_REASON.set(execution, reason);
            throw new BpmnError(MigrationErrors.TEST_MESSAGE_NOT_DELIVERED, reason);
        }
    }
}

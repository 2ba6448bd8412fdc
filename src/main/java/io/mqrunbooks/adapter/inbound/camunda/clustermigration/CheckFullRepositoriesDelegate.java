package io.mqrunbooks.adapter.inbound.camunda.clustermigration;

import io.mqrunbooks.application.clustermigration.ClusterMigrationSteps;
import java.util.List;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Stops the run when a full repository cannot be reached: the migrated queue manager would republish to nobody. */
@Component
public class CheckFullRepositoriesDelegate implements JavaDelegate {

    private final ClusterMigrationSteps steps;

    public CheckFullRepositoriesDelegate(ClusterMigrationSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<String> problems = steps.unreachableFullRepositories(MigrationRun.plan(execution));
        if (!problems.isEmpty()) {
            String reason = "full repository not reachable: " + String.join("; ", problems);
            execution.setVariable(ClusterMigrationVariables.ABORT_REASON, reason);
            throw new BpmnError(MigrationErrors.FULL_REPOSITORY_UNREACHABLE, reason);
        }
        MigrationRun.log(execution, "DISPLAY QMSTATUS on " + String.join(", ",
                MigrationRun.plan(execution).fullRepositories()) + ": all RUNNING");
    }
}

package io.mqrunbooks.adapter.inbound.camunda.clustermigration;

import static io.mqrunbooks.adapter.inbound.camunda.clustermigration.ClusterMigrationVariables.*;

import io.mqrunbooks.application.clustermigration.ClusterMigrationSteps;
import java.util.List;
import io.mqrunbooks.application.RunbookRefusal;
import io.mqrunbooks.platform.runbook.Refusals;
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
        List<String> problems = steps.unreachableFullRepositories(PLAN.get(execution));
        if (!problems.isEmpty()) {
            String reason = "full repository not reachable: " + String.join("; ", problems);
            throw Refusals.refuse(execution, new RunbookRefusal(MigrationErrors.FULL_REPOSITORY_UNREACHABLE, reason));
        }
        ClusterMigrationVariables.log(execution, "DISPLAY QMSTATUS on " + String.join(", ",
                PLAN.get(execution).fullRepositories()) + ": all RUNNING");
    }
}

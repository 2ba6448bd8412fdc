package io.mqrunbooks.adapter.inbound.camunda.clustermigration;

import static io.mqrunbooks.adapter.inbound.camunda.clustermigration.ClusterMigrationVariables.*;

import io.mqrunbooks.application.clustermigration.MigrationPlanner;
import java.util.List;
import io.mqrunbooks.platform.runbook.Refusals;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The cluster's members from the inventory, full repositories first: the order of the staged migration. */
@Component
public class PlanStagedMigrationDelegate implements JavaDelegate {

    private final MigrationPlanner planner;

    public PlanStagedMigrationDelegate(MigrationPlanner planner) {
        this.planner = planner;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String cluster = CLUSTER_NAME.getOrNull(execution);
        List<String> members = Refusals.decide(execution, () -> planner.stagedOrder(cluster));
        STAGE_QUEUE_MANAGERS.set(execution, members);
        STAGE_COUNT.set(execution, members.size());
        STAGE_RESULTS.set(execution, List.of());
        STAGES_SUMMARY.set(execution, StagedMigration.summary(members, List.of()));
    }
}

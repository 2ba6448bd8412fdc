package io.mqrunbooks.adapter.inbound.camunda.clustermigration;

import static io.mqrunbooks.adapter.inbound.camunda.clustermigration.ClusterMigrationVariables.*;

import io.mqrunbooks.application.clustermigration.MigrationJson;
import io.mqrunbooks.application.clustermigration.MigrationPlanner;
import io.mqrunbooks.application.clustermigration.MigrationRefusedException;
import java.util.List;
import org.camunda.bpm.engine.delegate.BpmnError;
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
        String cluster = (String) execution.getVariable(CLUSTER_NAME);
        List<String> members;
        try {
            members = planner.stagedOrder(cluster);
        } catch (MigrationRefusedException e) {
            execution.setVariable(ABORT_REASON, e.getMessage());
            throw new BpmnError(MigrationErrors.MIGRATION_REFUSED, e.getMessage());
        }
        MigrationRun.setJson(execution, STAGE_QUEUE_MANAGERS, members);
        execution.setVariable(STAGE_COUNT, members.size());
        MigrationRun.setJson(execution, STAGE_RESULTS, List.of());
        execution.setVariable(STAGES_SUMMARY, StagedMigration.summary(members, List.of()));
    }
}

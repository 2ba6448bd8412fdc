package io.mqrunbooks.adapter.inbound.camunda.clustermigration;

import static io.mqrunbooks.adapter.inbound.camunda.clustermigration.ClusterMigrationVariables.*;

import static io.mqrunbooks.adapter.inbound.camunda.clustermigration.ClusterMigrationVariables.VIEW_PHASE;
import static io.mqrunbooks.adapter.inbound.camunda.clustermigration.ClusterMigrationVariables.record;
import static io.mqrunbooks.adapter.inbound.camunda.clustermigration.ClusterMigrationVariables.recordSummary;

import io.mqrunbooks.application.clustermigration.ClusterMigrationSteps;
import io.mqrunbooks.platform.runbook.RunText;
import io.mqrunbooks.application.clustermigration.ClusterRecord;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Each full repository's view of the migrated queue manager, added to the phase's record. */
@Component
public class RecordRepositoryViewsDelegate implements JavaDelegate {

    private final ClusterMigrationSteps steps;

    public RecordRepositoryViewsDelegate(ClusterMigrationSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String phase = VIEW_PHASE.getLocal(execution);
        ClusterRecord local = record(phase).get(execution);
        ClusterRecord record = steps.addRepositoryViews(PLAN.get(execution), local);
        record(phase).set(execution, record);
        recordSummary(phase).set(execution, RunText.fit(record.summary(),
                "the whole record is the JSON variable " + record(phase).name()));
    }
}

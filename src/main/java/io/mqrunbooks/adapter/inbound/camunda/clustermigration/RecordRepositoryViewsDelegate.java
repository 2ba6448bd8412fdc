package io.mqrunbooks.adapter.inbound.camunda.clustermigration;

import static io.mqrunbooks.adapter.inbound.camunda.clustermigration.ClusterMigrationVariables.VIEW_PHASE;
import static io.mqrunbooks.adapter.inbound.camunda.clustermigration.ClusterMigrationVariables.record;
import static io.mqrunbooks.adapter.inbound.camunda.clustermigration.ClusterMigrationVariables.recordSummary;

import io.mqrunbooks.application.clustermigration.ClusterMigrationSteps;
import io.mqrunbooks.application.clustermigration.ClusterRecord;
import io.mqrunbooks.application.clustermigration.MigrationJson;
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
        String phase = (String) execution.getVariableLocal(VIEW_PHASE);
        ClusterRecord local = MigrationJson.read(MigrationRun.json(execution, record(phase)), ClusterRecord.class);
        ClusterRecord record = steps.addRepositoryViews(MigrationRun.plan(execution), local);
        MigrationRun.setJson(execution, record(phase), record);
        execution.setVariable(recordSummary(phase), MigrationRun.text(record.summary(),
                "the whole record is the JSON variable " + record(phase)));
    }
}

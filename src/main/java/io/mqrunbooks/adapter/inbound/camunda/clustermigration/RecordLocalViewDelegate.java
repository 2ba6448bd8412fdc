package io.mqrunbooks.adapter.inbound.camunda.clustermigration;

import static io.mqrunbooks.adapter.inbound.camunda.clustermigration.ClusterMigrationVariables.*;

import io.mqrunbooks.application.clustermigration.ClusterMigrationSteps;
import io.mqrunbooks.application.clustermigration.ClusterRecord;
import io.mqrunbooks.application.clustermigration.MigrationJson;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * DISPLAY CLUSQMGR(*) and DISPLAY QC(*) on the migrated queue manager, and its dspmqver, into the record of the
 * phase named by the task's {@code viewPhase} input (before, after, backout).
 */
@Component
public class RecordLocalViewDelegate implements JavaDelegate {

    private final ClusterMigrationSteps steps;

    public RecordLocalViewDelegate(ClusterMigrationSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String phase = (String) execution.getVariableLocal(VIEW_PHASE);
        ClusterRecord record = steps.recordLocalView(MigrationRun.plan(execution));
        MigrationRun.setJson(execution, record(phase), record);
        execution.setVariable(recordSummary(phase), MigrationRun.text(record.summary(),
                "the whole record is the JSON variable " + record(phase)));
        if ("before".equals(phase)) {
            execution.setVariable(VERSION_BEFORE, record.installedVersion());
        }
    }
}

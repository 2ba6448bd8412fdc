package io.mqrunbooks.adapter.inbound.camunda.clustermigration;

import static io.mqrunbooks.adapter.inbound.camunda.clustermigration.ClusterMigrationVariables.*;

import io.mqrunbooks.application.clustermigration.ClusterRecord;
import io.mqrunbooks.application.clustermigration.ClusterViewComparison;
import io.mqrunbooks.application.clustermigration.MigrationJson;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Compares the phase's record (after, backout) with the first one, field by field. */
@Component
public class CompareClusterViewsDelegate implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        String phase = (String) execution.getVariableLocal(VIEW_PHASE);
        ClusterRecord before = MigrationJson.read(MigrationRun.json(execution, record("before")), ClusterRecord.class);
        ClusterRecord now = MigrationJson.read(MigrationRun.json(execution, record(phase)), ClusterRecord.class);
        ClusterViewComparison.Result result = ClusterViewComparison.compare(MigrationRun.plan(execution), before, now,
                "after".equals(phase));
        if ("after".equals(phase)) {
            execution.setVariable(DIFFERENCE_COUNT, result.differences().size());
            execution.setVariable(DIFFERENCES_SUMMARY, MigrationRun.text(result.summary(),
                    "compare the JSON variables recordBefore and recordAfter"));
        } else {
            execution.setVariable(BACKOUT_DIFFERENCES_SUMMARY, MigrationRun.text(result.summary(),
                    "compare the JSON variables recordBefore and recordBackout"));
        }
    }
}

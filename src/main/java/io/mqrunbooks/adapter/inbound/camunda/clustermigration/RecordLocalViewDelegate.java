package io.mqrunbooks.adapter.inbound.camunda.clustermigration;

import static io.mqrunbooks.adapter.inbound.camunda.clustermigration.ClusterMigrationVariables.*;

import io.mqrunbooks.application.clustermigration.ClusterMigrationSteps;
import io.mqrunbooks.platform.runbook.RunText;
import io.mqrunbooks.application.clustermigration.ClusterRecord;
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
        String phase = VIEW_PHASE.getLocal(execution);
        ClusterRecord record = steps.recordLocalView(PLAN.get(execution));
        record(phase).set(execution, record);
        recordSummary(phase).set(execution, RunText.fit(record.summary(),
                "the whole record is the JSON variable " + record(phase).name()));
        if ("before".equals(phase)) {
            VERSION_BEFORE.set(execution, record.installedVersion());
        }
    }
}

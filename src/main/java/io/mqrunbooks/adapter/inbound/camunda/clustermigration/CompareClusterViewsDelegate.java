package io.mqrunbooks.adapter.inbound.camunda.clustermigration;

import static io.mqrunbooks.adapter.inbound.camunda.clustermigration.ClusterMigrationVariables.*;

import io.mqrunbooks.application.clustermigration.ClusterRecord;
import io.mqrunbooks.platform.runbook.RunText;
import io.mqrunbooks.application.clustermigration.ClusterViewComparison;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Compares the phase's record (after, backout) with the first one, field by field. */
@Component
public class CompareClusterViewsDelegate implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        String phase = VIEW_PHASE.getLocal(execution);
        ClusterRecord before = record("before").get(execution);
        ClusterRecord now = record(phase).get(execution);
        ClusterViewComparison.Result result = ClusterViewComparison.compare(PLAN.get(execution), before, now,
                "after".equals(phase));
        if ("after".equals(phase)) {
            DIFFERENCE_COUNT.set(execution, result.differences().size());
            DIFFERENCES_SUMMARY.set(execution, RunText.fit(result.summary(),
                    "compare the JSON variables recordBefore and recordAfter"));
        } else {
            BACKOUT_DIFFERENCES_SUMMARY.set(execution, RunText.fit(result.summary(),
                    "compare the JSON variables recordBefore and recordBackout"));
        }
    }
}

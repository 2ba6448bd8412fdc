package io.mqrunbooks.adapter.inbound.camunda.clustermigration;

import static io.mqrunbooks.adapter.inbound.camunda.clustermigration.ClusterMigrationVariables.*;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Adds the finished queue manager's run outcome to the staged run's results (once, even if retried). */
@Component
public class RecordStageResultDelegate implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        String queueManager = CURRENT_QUEUE_MANAGER.getOrNull(execution);
        List<String> members = STAGE_QUEUE_MANAGERS.getOrDefault(execution, List.of());
        List<String> results = new ArrayList<>(STAGE_RESULTS.getOrDefault(execution, List.of()));
        if (!StagedMigration.done(results).contains(queueManager)) {
            results.add(queueManager + ": " + MEMBER_OUTCOME.getOrNull(execution));
        }
        STAGE_RESULTS.set(execution, results);
        STAGES_SUMMARY.set(execution, StagedMigration.formSummary(members, results));
    }
}

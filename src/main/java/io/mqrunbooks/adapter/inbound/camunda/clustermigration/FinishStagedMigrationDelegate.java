package io.mqrunbooks.adapter.inbound.camunda.clustermigration;

import static io.mqrunbooks.adapter.inbound.camunda.clustermigration.ClusterMigrationVariables.*;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The staged run's outcome: every member done, or stopped part way with the done and untouched ones named. */
@Component
public class FinishStagedMigrationDelegate implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        List<String> members = STAGE_QUEUE_MANAGERS.getOrDefault(execution, List.of());
        List<String> results = STAGE_RESULTS.getOrDefault(execution, List.of());
        List<String> untouched = StagedMigration.untouched(members, results);
        MIGRATED_QUEUE_MANAGERS.set(execution, StagedMigration.done(results));
        UNTOUCHED_QUEUE_MANAGERS.set(execution, untouched);
        STAGES_SUMMARY.set(execution, StagedMigration.formSummary(members, results));
        String done = String.join("; ", results);
        OUTCOME.set(execution, untouched.isEmpty()
                ? "completed: " + done
                : "stopped: " + (results.isEmpty() ? "none done" : done) + "; untouched: " + String.join(", ", untouched));
    }
}

package io.mqrunbooks.adapter.inbound.camunda.clustermigration;

import static io.mqrunbooks.adapter.inbound.camunda.clustermigration.ClusterMigrationVariables.*;

import io.mqrunbooks.application.clustermigration.MigrationJson;
import io.mqrunbooks.platform.RunVariables;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The staged run's outcome: every member done, or stopped part way with the done and untouched ones named. */
@Component
public class FinishStagedMigrationDelegate implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        List<String> members = MigrationJson.readStrings(MigrationRun.json(execution, STAGE_QUEUE_MANAGERS));
        List<String> results = MigrationJson.readStrings(MigrationRun.json(execution, STAGE_RESULTS));
        List<String> untouched = StagedMigration.untouched(members, results);
        MigrationRun.setJson(execution, MIGRATED_QUEUE_MANAGERS, StagedMigration.done(results));
        MigrationRun.setJson(execution, UNTOUCHED_QUEUE_MANAGERS, untouched);
        execution.setVariable(STAGES_SUMMARY, MigrationRun.text(StagedMigration.summary(members, results), "see the JSON variable " + STAGE_RESULTS));
        String done = String.join("; ", results);
        execution.setVariable(RunVariables.OUTCOME, untouched.isEmpty()
                ? "completed: " + done
                : "stopped: " + (results.isEmpty() ? "none done" : done) + "; untouched: " + String.join(", ", untouched));
    }
}

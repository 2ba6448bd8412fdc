package io.mqrunbooks.adapter.inbound.camunda.clustermigration;

import static io.mqrunbooks.adapter.inbound.camunda.clustermigration.ClusterMigrationVariables.*;

import io.mqrunbooks.application.clustermigration.MigrationJson;
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
        String queueManager = (String) execution.getVariable(CURRENT_QUEUE_MANAGER);
        List<String> members = MigrationJson.readStrings(MigrationRun.json(execution, STAGE_QUEUE_MANAGERS));
        List<String> results = new ArrayList<>(MigrationJson.readStrings(MigrationRun.json(execution, STAGE_RESULTS)));
        if (!StagedMigration.done(results).contains(queueManager)) {
            results.add(queueManager + ": " + execution.getVariable(MEMBER_OUTCOME));
        }
        MigrationRun.setJson(execution, STAGE_RESULTS, results);
        execution.setVariable(STAGES_SUMMARY, MigrationRun.text(StagedMigration.summary(members, results), "see the JSON variable " + STAGE_RESULTS));
    }
}

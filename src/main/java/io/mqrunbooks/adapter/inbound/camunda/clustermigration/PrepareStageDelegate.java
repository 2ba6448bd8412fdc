package io.mqrunbooks.adapter.inbound.camunda.clustermigration;

import static io.mqrunbooks.adapter.inbound.camunda.clustermigration.ClusterMigrationVariables.*;

import io.mqrunbooks.application.clustermigration.MigrationJson;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Names the queue manager of this stage (the loop counter's member) and the progress so far, for the gate. */
@Component
public class PrepareStageDelegate implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        List<String> members = MigrationJson.readStrings(MigrationRun.json(execution, STAGE_QUEUE_MANAGERS));
        List<String> results = MigrationJson.readStrings(MigrationRun.json(execution, STAGE_RESULTS));
        int index = ((Number) execution.getVariable("loopCounter")).intValue();
        execution.setVariable(CURRENT_QUEUE_MANAGER, members.get(index));
        execution.setVariable(STAGES_SUMMARY, MigrationRun.text(StagedMigration.summary(members, results), "see the JSON variable " + STAGE_RESULTS)
                + "\nNext: " + members.get(index) + " (" + (index + 1) + " of " + members.size() + ")");
        // each stage's gate starts blank, not with the previous stage's answer; kept run-wide, where the loop's
        // completion condition reads it
        execution.setVariable(STAGE_DECISION, null);
        execution.setVariable(STAGE_COMMENT, null);
    }
}

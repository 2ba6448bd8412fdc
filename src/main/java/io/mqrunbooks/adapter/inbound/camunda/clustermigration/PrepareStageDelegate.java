package io.mqrunbooks.adapter.inbound.camunda.clustermigration;

import static io.mqrunbooks.adapter.inbound.camunda.clustermigration.ClusterMigrationVariables.*;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Names the queue manager of this stage (the loop counter's member) and the progress so far, for the gate. */
@Component
public class PrepareStageDelegate implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        List<String> members = STAGE_QUEUE_MANAGERS.getOrDefault(execution, List.of());
        List<String> results = STAGE_RESULTS.getOrDefault(execution, List.of());
        int index = LOOP_COUNTER.get(execution);
        CURRENT_QUEUE_MANAGER.set(execution, members.get(index));
        STAGES_SUMMARY.set(execution, StagedMigration.formSummary(members, results)
                + "\nNext: " + members.get(index) + " (" + (index + 1) + " of " + members.size() + ")");
        // each stage's gate starts blank, not with the previous stage's answer; kept run-wide, where the loop's
        // completion condition reads it
        STAGE_DECISION.set(execution, null);
        STAGE_COMMENT.set(execution, null);
    }
}

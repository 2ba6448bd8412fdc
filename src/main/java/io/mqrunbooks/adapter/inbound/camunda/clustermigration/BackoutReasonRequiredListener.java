package io.mqrunbooks.adapter.inbound.camunda.clustermigration;

import static io.mqrunbooks.adapter.inbound.camunda.clustermigration.ClusterMigrationVariables.*;

import io.mqrunbooks.platform.runbook.RunVariable;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** A decision to back out must say why: the reason becomes the run's outcome and the audit trail's record. */
@Component
public class BackoutReasonRequiredListener implements TaskListener {

    /** Each task that may back out keeps its decision in its own variable. */
    static final Map<String, RunVariable<String>> DECISION_OF_TASK = Map.of(
            "userTask_installVersion", INSTALL_DECISION,
            "userTask_reviewDifferences", REVIEW_DECISION,
            "userTask_signOff", SIGN_OFF_DECISION);

    @Override
    public void notify(DelegateTask task) {
        RunVariable<String> decision = DECISION_OF_TASK.get(task.getTaskDefinitionKey());
        if (decision == null) {
            throw new ProcessEngineException("'" + task.getName() + "' is not a task that can back out the migration.");
        }
        if (!BACKOUT.equals(decision.getOrNull(task))) {
            return;
        }
        Object reason = BACKOUT_REASON.getOrNull(task);
        if (reason == null || reason.toString().isBlank()) {
            throw new ProcessEngineException("'" + task.getName() + "': a decision to back out needs a reason in"
                    + " 'Why back out'.");
        }
    }
}

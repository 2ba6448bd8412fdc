package io.mqrunbooks.adapter.in.camunda.clustermigration;

import static io.mqrunbooks.adapter.in.camunda.clustermigration.ClusterMigrationVariables.*;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** A decision to back out must say why: the reason becomes the run's outcome and the audit trail's record. */
@Component
public class BackoutReasonRequiredListener implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        if (!BACKOUT.equals(task.getVariable(MIGRATION_DECISION))) {
            return;
        }
        Object reason = task.getVariable(BACKOUT_REASON);
        if (reason == null || reason.toString().isBlank()) {
            throw new ProcessEngineException("'" + task.getName() + "': a decision to back out needs a reason in"
                    + " 'Why back out'.");
        }
    }
}

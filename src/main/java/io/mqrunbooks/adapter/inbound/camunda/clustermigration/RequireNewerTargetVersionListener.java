package io.mqrunbooks.adapter.inbound.camunda.clustermigration;

import static io.mqrunbooks.adapter.inbound.camunda.clustermigration.ClusterMigrationVariables.*;

import io.mqrunbooks.application.clustermigration.MigrationRefusedException;
import io.mqrunbooks.application.clustermigration.TargetVersionRule;
import io.mqrunbooks.platform.RunVariables;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** The install task is not completed with a target version that is not newer than the one running before. */
@Component
public class RequireNewerTargetVersionListener implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        if (BACKOUT.equals(task.getVariable(INSTALL_DECISION))) {
            return;
        }
        try {
            TargetVersionRule.requireNewer((String) task.getVariable(RunVariables.QUEUE_MANAGER),
                    (String) task.getVariable(TARGET_VERSION), (String) task.getVariable(VERSION_BEFORE));
        } catch (MigrationRefusedException e) {
            throw new ProcessEngineException("'" + task.getName() + "': " + e.getMessage(), e);
        }
    }
}

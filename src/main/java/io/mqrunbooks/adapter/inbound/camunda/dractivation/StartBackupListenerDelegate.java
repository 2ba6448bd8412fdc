package io.mqrunbooks.adapter.inbound.camunda.dractivation;

import static io.mqrunbooks.adapter.inbound.camunda.dractivation.DrActivationVariables.*;

import io.mqrunbooks.application.dractivation.BackupActivation;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** START LISTENER on the backup; the wait for queue manager and listener begins. */
@Component
@Lazy
public class StartBackupListenerDelegate implements JavaDelegate {

    private final BackupActivation backup;
    private final DrActivationRuntime runtime;

    public StartBackupListenerDelegate(BackupActivation backup, DrActivationRuntime runtime) {
        this.backup = backup;
        this.runtime = runtime;
    }

    @Override
    public void execute(DelegateExecution execution) {
        DrActivationRuntime.appendLine(execution, BACKUP_SUMMARY,
                backup.startListener(DrActivationVariables.target(execution)));
        execution.setVariable(BACKUP_RUNNING, false);
        runtime.startWait(execution, BACKUP_START_DEADLINE, runtime.settings().backupStartLimit());
    }
}

package io.mqrunbooks.adapter.inbound.camunda.dractivation;

import static io.mqrunbooks.adapter.inbound.camunda.dractivation.DrActivationVariables.*;

import io.mqrunbooks.application.dractivation.ActivationTarget;
import io.mqrunbooks.application.dractivation.BackupActivation;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** Polls until the backup runs and answers; past the limit an incident says what was seen. */
@Component
@Lazy
public class CheckBackupRunningDelegate implements JavaDelegate {

    private final BackupActivation backup;
    private final DrActivationRuntime runtime;

    public CheckBackupRunningDelegate(BackupActivation backup, DrActivationRuntime runtime) {
        this.backup = backup;
        this.runtime = runtime;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ActivationTarget target = DrActivationVariables.target(execution);
        BackupActivation.StepCheck check = backup.running(target);
        if (!check.done() && runtime.waitedTooLong(execution, BACKUP_START_DEADLINE)) {
            throw new IllegalStateException(target.backupLabel() + " is not running within "
                    + runtime.settings().backupStartLimit() + " of strmqm: " + check.detail());
        }
        if (check.done()) {
            DrActivationRuntime.appendLine(execution, BACKUP_SUMMARY, check.detail());
            runtime.mark(execution, "backupRunning");
        }
        execution.setVariable(BACKUP_RUNNING, check.done());
    }
}

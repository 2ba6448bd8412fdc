package io.mqrunbooks.adapter.inbound.camunda.dractivation;

import static io.mqrunbooks.adapter.inbound.camunda.dractivation.DrActivationVariables.*;

import io.mqrunbooks.application.dractivation.BackupActivation;
import io.mqrunbooks.platform.runbook.Refusals;
import io.mqrunbooks.platform.runbook.RunText;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** strmqm on the backup's host, under the backup's own name; a log not available is the LOG_NOT_AVAILABLE error. */
@Component
@Lazy
public class StartBackupDelegate implements JavaDelegate {

    private final BackupActivation backup;

    public StartBackupDelegate(BackupActivation backup) {
        this.backup = backup;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String started = Refusals.decide(execution, () -> backup.start(DrActivationVariables.target(execution)));
        RunText.appendLine(execution, BACKUP_SUMMARY, started);
    }
}

package io.mqrunbooks.adapter.inbound.camunda.dractivation;

import static io.mqrunbooks.adapter.inbound.camunda.dractivation.DrActivationVariables.*;

import io.mqrunbooks.application.dractivation.BackupActivation;
import io.mqrunbooks.application.dractivation.DrActivationSettings;
import io.mqrunbooks.platform.runbook.Deadlines;
import io.mqrunbooks.platform.runbook.RunText;
import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** START LISTENER on the backup; the wait for queue manager and listener begins. */
@Component
@Lazy
public class StartBackupListenerDelegate implements JavaDelegate {

    private final BackupActivation backup;
    private final DrActivationSettings settings;
    private final Clock clock;

    public StartBackupListenerDelegate(BackupActivation backup, DrActivationSettings settings, Clock clock) {
        this.backup = backup;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        RunText.appendLine(execution, BACKUP_SUMMARY, backup.startListener(DrActivationVariables.target(execution)));
        BACKUP_RUNNING.set(execution, false);
        Deadlines.start(execution, BACKUP_START_DEADLINE, clock, settings.backupStartLimit());
    }
}

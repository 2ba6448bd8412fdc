package io.mqrunbooks.adapter.inbound.camunda.dractivation;

import static io.mqrunbooks.adapter.inbound.camunda.dractivation.DrActivationVariables.*;

import io.mqrunbooks.application.dractivation.ActivationTarget;
import io.mqrunbooks.application.dractivation.BackupActivation;
import io.mqrunbooks.application.dractivation.DrActivationSettings;
import io.mqrunbooks.platform.runbook.Deadlines;
import io.mqrunbooks.platform.runbook.RunText;
import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** Polls until the backup runs and answers; past the limit an incident says what was seen. */
@Component
@Lazy
public class CheckBackupRunningDelegate implements JavaDelegate {

    private final BackupActivation backup;
    private final DrActivationSettings settings;
    private final Clock clock;

    public CheckBackupRunningDelegate(BackupActivation backup, DrActivationSettings settings, Clock clock) {
        this.backup = backup;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ActivationTarget target = DrActivationVariables.target(execution);
        BackupActivation.StepCheck check = backup.running(target);
        if (Deadlines.reachedInTime(execution, BACKUP_START_DEADLINE, clock, check.done(), () -> target.backupLabel()
                + " is not running within " + settings.backupStartLimit() + " of strmqm: " + check.detail())) {
            RunText.appendLine(execution, BACKUP_SUMMARY, check.detail());
            DrActivationVariables.mark(execution, clock, "backupRunning");
        }
        BACKUP_RUNNING.set(execution, check.done());
    }
}

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

/** rdqmstatus until the promoted node is DR primary and no longer reverting to its snapshot. */
@Component
@Lazy
public class CheckBackupPromotionDelegate implements JavaDelegate {

    private final BackupActivation backup;
    private final DrActivationSettings settings;
    private final Clock clock;

    public CheckBackupPromotionDelegate(BackupActivation backup, DrActivationSettings settings, Clock clock) {
        this.backup = backup;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ActivationTarget target = DrActivationVariables.target(execution);
        BackupActivation.StepCheck check = backup.promotionComplete(target);
        if (Deadlines.reachedInTime(execution, PROMOTION_DEADLINE, clock, check.done(), () -> "The promotion"
                + " of " + target.backupLabel() + " has not completed within " + settings.promotionLimit() + ": "
                + check.detail())) {
            RunText.appendLine(execution, BACKUP_SUMMARY, check.detail());
        }
        PROMOTION_COMPLETE.set(execution, check.done());
    }
}

package io.mqrunbooks.adapter.inbound.camunda.dractivation;

import static io.mqrunbooks.adapter.inbound.camunda.dractivation.DrActivationVariables.*;

import io.mqrunbooks.application.dractivation.ActivationTarget;
import io.mqrunbooks.application.dractivation.BackupActivation;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** rdqmstatus until the promoted node is DR primary and no longer reverting to its snapshot. */
@Component
@Lazy
public class CheckBackupPromotionDelegate implements JavaDelegate {

    private final BackupActivation backup;
    private final DrActivationRuntime runtime;

    public CheckBackupPromotionDelegate(BackupActivation backup, DrActivationRuntime runtime) {
        this.backup = backup;
        this.runtime = runtime;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ActivationTarget target = DrActivationVariables.target(execution);
        BackupActivation.StepCheck check = backup.promotionComplete(target);
        if (!check.done() && runtime.waitedTooLong(execution, PROMOTION_DEADLINE)) {
            throw new IllegalStateException("The promotion of " + target.backupLabel() + " has not completed within "
                    + runtime.settings().promotionLimit() + ": " + check.detail());
        }
        if (check.done()) {
            DrActivationRuntime.appendLine(execution, BACKUP_SUMMARY, check.detail());
        }
        execution.setVariable(PROMOTION_COMPLETE, check.done());
    }
}

package io.mqrunbooks.adapter.inbound.camunda.dractivation;

import static io.mqrunbooks.adapter.inbound.camunda.dractivation.DrActivationVariables.*;

import io.mqrunbooks.application.dractivation.BackupActivation;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** rdqmdr -m QM -p on the secondary node (hot backup). */
@Component
@Lazy
public class PromoteBackupDelegate implements JavaDelegate {

    private final BackupActivation backup;
    private final DrActivationRuntime runtime;

    public PromoteBackupDelegate(BackupActivation backup, DrActivationRuntime runtime) {
        this.backup = backup;
        this.runtime = runtime;
    }

    @Override
    public void execute(DelegateExecution execution) {
        DrActivationRuntime.appendLine(execution, BACKUP_SUMMARY, backup.promote(DrActivationVariables.target(execution)));
        execution.setVariable(PROMOTION_COMPLETE, false);
        runtime.startWait(execution, PROMOTION_DEADLINE, runtime.settings().promotionLimit());
    }
}

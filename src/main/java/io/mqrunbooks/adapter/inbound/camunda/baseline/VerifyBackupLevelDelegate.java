package io.mqrunbooks.adapter.inbound.camunda.baseline;

import static io.mqrunbooks.adapter.inbound.camunda.baseline.BaselineVariables.*;

import io.mqrunbooks.application.baseline.BaselineService;
import io.mqrunbooks.platform.runbook.RunText;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component
public class VerifyBackupLevelDelegate implements JavaDelegate {

    private final BaselineService baselines;

    public VerifyBackupLevelDelegate(BaselineService baselines) {
        this.baselines = baselines;
    }

    @Override
    public void execute(DelegateExecution execution) {
        BaselineService.Verification verification = baselines.verify(QUEUE_MANAGER.get(execution),
                BASELINE_ID.get(execution));
        BACKUP_VERIFIED.setLocal(execution, verification.level());
        VERIFY_SUMMARY.setLocal(execution, RunText.fit(verification.summary(), "a new baseline run's comparison"));
    }
}

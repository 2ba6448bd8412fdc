package io.mqrunbooks.adapter.inbound.camunda.baseline;

import io.mqrunbooks.application.baseline.BaselineService;
import io.mqrunbooks.application.baseline.VariableText;
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
        BaselineService.Verification verification = baselines.verify(
                (String) execution.getVariable(BaselineVariables.QUEUE_MANAGER),
                (Long) execution.getVariable(BaselineVariables.BASELINE_ID));
        execution.setVariableLocal(BaselineVariables.BACKUP_VERIFIED, verification.level());
        execution.setVariableLocal(BaselineVariables.VERIFY_SUMMARY, VariableText.fit(verification.summary(),
                "a new baseline run's comparison"));
    }
}

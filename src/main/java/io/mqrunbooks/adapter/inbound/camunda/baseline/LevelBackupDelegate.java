package io.mqrunbooks.adapter.inbound.camunda.baseline;

import io.mqrunbooks.application.baseline.BaselineService;
import io.mqrunbooks.application.baseline.VariableText;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component
public class LevelBackupDelegate implements JavaDelegate {

    private final BaselineService baselines;

    public LevelBackupDelegate(BaselineService baselines) {
        this.baselines = baselines;
    }

    @Override
    public void execute(DelegateExecution execution) {
        BaselineService.LevelResult result = baselines.level(
                (String) execution.getVariable(BaselineVariables.QUEUE_MANAGER),
                (Long) execution.getVariable(BaselineVariables.LEVEL_PLAN_ID),
                (String) execution.getVariable(BaselineVariables.LEVEL_APPROVED_BY),
                execution.getProcessInstanceId());
        execution.setVariableLocal(BaselineVariables.LEVEL_RESULT, result.state().name());
        execution.setVariableLocal(BaselineVariables.VERIFY_SUMMARY, VariableText.fit(result.summary(), "the run's evidence"));
    }
}

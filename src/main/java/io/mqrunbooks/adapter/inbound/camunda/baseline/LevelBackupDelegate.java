package io.mqrunbooks.adapter.inbound.camunda.baseline;

import static io.mqrunbooks.adapter.inbound.camunda.baseline.BaselineVariables.*;

import io.mqrunbooks.application.baseline.BaselineService;
import io.mqrunbooks.platform.runbook.RunText;
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
        BaselineService.LevelResult result = baselines.level(QUEUE_MANAGER.get(execution),
                LEVEL_PLAN_ID.get(execution), LEVEL_APPROVED_BY.getOrNull(execution), execution.getProcessInstanceId());
        LEVEL_RESULT.setLocal(execution, result.state().name());
        VERIFY_SUMMARY.setLocal(execution, RunText.fit(result.summary(), EVIDENCE));
    }
}

package io.mqrunbooks.adapter.inbound.camunda.baseline;

import io.mqrunbooks.application.baseline.BaselineService;
import io.mqrunbooks.application.baseline.LevelPlanRecord;
import io.mqrunbooks.application.baseline.VariableText;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component
public class CompareBackupDelegate implements JavaDelegate {

    private final BaselineService baselines;

    public CompareBackupDelegate(BaselineService baselines) {
        this.baselines = baselines;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String queueManager = (String) execution.getVariable(BaselineVariables.QUEUE_MANAGER);
        long baselineId = (Long) execution.getVariable(BaselineVariables.BASELINE_ID);
        BaselineService.BackupComparison comparison = baselines.compareBackup(queueManager, baselineId);
        execution.setVariableLocal(BaselineVariables.BACKUP_QUEUE_MANAGER, comparison.backup().queueManager());
        execution.setVariableLocal(BaselineVariables.BACKUP_LAGS, comparison.plan().backupLags());
        execution.setVariableLocal(BaselineVariables.BACKUP_APPLY_NOW, comparison.applyNow());
        execution.setVariableLocal(BaselineVariables.BACKUP_REPLICATED, comparison.replicated());
        if (comparison.plan().backupLags()) {
            LevelPlanRecord plan = baselines.recordPlan(comparison, execution.getProcessInstanceId());
            execution.setVariableLocal(BaselineVariables.LEVEL_PLAN_ID, plan.id());
            execution.setVariableLocal(BaselineVariables.LEVEL_SUMMARY,
                    VariableText.fit(plan.summary(), "/api/baselines/levelling/" + plan.id()));
            execution.setVariableLocal(BaselineVariables.LEVEL_SCRIPT, VariableText.fit(plan.script(), plan.downloadPath()));
        } else {
            execution.setVariableLocal(BaselineVariables.LEVEL_SUMMARY, VariableText.fit(comparison.summary(),
                    "/api/baselines/" + comparison.baseline().id() + ".mqsc"));
            execution.setVariableLocal(BaselineVariables.LEVEL_SCRIPT, "");
        }
        // the review's and the gate's answers land in this primary's scope, not in the run's
        execution.setVariableLocal(BaselineVariables.LEVELLING, null);
        execution.setVariableLocal(BaselineVariables.REVIEW_COMMENT, null);
        execution.setVariableLocal(BaselineVariables.LAG_REVIEWED_BY, null);
        execution.setVariableLocal(BaselineVariables.DECISION, null);
        execution.setVariableLocal(BaselineVariables.LEVELLING_COMMENT, null);
        execution.setVariableLocal(BaselineVariables.LEVEL_APPROVED_BY, null);
    }
}

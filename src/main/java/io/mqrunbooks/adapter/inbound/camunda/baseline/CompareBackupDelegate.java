package io.mqrunbooks.adapter.inbound.camunda.baseline;

import static io.mqrunbooks.adapter.inbound.camunda.baseline.BaselineVariables.*;

import io.mqrunbooks.application.baseline.BaselineService;
import io.mqrunbooks.application.baseline.LevelPlanRecord;
import io.mqrunbooks.evidence.SecretScrubber;
import io.mqrunbooks.platform.runbook.RunText;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component
public class CompareBackupDelegate implements JavaDelegate {

    /** The MQSC and its differences come from a primary's export: password attributes never reach a variable. */
    private static final SecretScrubber SECRETS = new SecretScrubber();

    private final BaselineService baselines;

    public CompareBackupDelegate(BaselineService baselines) {
        this.baselines = baselines;
    }

    @Override
    public void execute(DelegateExecution execution) {
        BaselineService.BackupComparison comparison = baselines.compareBackup(QUEUE_MANAGER.get(execution),
                BASELINE_ID.get(execution));
        BACKUP_QUEUE_MANAGER.setLocal(execution, comparison.backup().queueManager());
        BACKUP_LAGS.setLocal(execution, comparison.plan().backupLags());
        BACKUP_APPLY_NOW.setLocal(execution, comparison.applyNow());
        BACKUP_REPLICATED.setLocal(execution, comparison.replicated());
        if (comparison.plan().backupLags()) {
            LevelPlanRecord plan = baselines.recordPlan(comparison, execution.getProcessInstanceId());
            LEVEL_PLAN_ID.setLocal(execution, plan.id());
            LEVEL_SUMMARY.setLocal(execution, RunText.fit(SECRETS.scrub(plan.summary()), "/api/baselines/levelling/"
                    + plan.id()));
            LEVEL_SCRIPT.setLocal(execution, RunText.fit(SECRETS.scrub(plan.script()), plan.downloadPath()));
        } else {
            LEVEL_SUMMARY.setLocal(execution, RunText.fit(SECRETS.scrub(comparison.summary()),
                    "/api/baselines/" + comparison.baseline().id() + ".mqsc"));
            LEVEL_SCRIPT.setLocal(execution, "");
        }
        // the review's and the gate's answers land in this primary's scope, not in the run's
        for (var answer : java.util.List.of(LEVELLING, REVIEW_COMMENT, LAG_REVIEWED_BY, DECISION, LEVELLING_COMMENT)) {
            answer.setLocal(execution, null);
        }
    }
}

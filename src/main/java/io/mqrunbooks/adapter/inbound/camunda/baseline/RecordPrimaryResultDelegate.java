package io.mqrunbooks.adapter.inbound.camunda.baseline;

import io.mqrunbooks.application.baseline.PrimaryResult;
import io.mqrunbooks.application.baseline.VariableText;
import io.mqrunbooks.platform.RunVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Adds this primary's line to the run summary and keeps the run's outcome up to date. */
@Component
public class RecordPrimaryResultDelegate implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        PrimaryResult result = PrimaryResult.of(
                (String) execution.getVariable(BaselineVariables.QUEUE_MANAGER),
                (String) execution.getVariable(BaselineVariables.BACKUP_QUEUE_MANAGER),
                Boolean.TRUE.equals(execution.getVariable(BaselineVariables.BACKUP_REPLICATED)),
                Boolean.TRUE.equals(execution.getVariable(BaselineVariables.BACKUP_LAGS)),
                new PrimaryResult.Review((String) execution.getVariable(BaselineVariables.LEVELLING),
                        (String) execution.getVariable(BaselineVariables.LAG_REVIEWED_BY),
                        (String) execution.getVariable(BaselineVariables.REVIEW_COMMENT)),
                (String) execution.getVariable(BaselineVariables.DECISION),
                (String) execution.getVariable(BaselineVariables.LEVEL_APPROVED_BY),
                (String) execution.getVariable(BaselineVariables.LEVELLING_COMMENT),
                (String) execution.getVariable(BaselineVariables.LEVEL_RESULT),
                (Boolean) execution.getVariable(BaselineVariables.BACKUP_VERIFIED));
        DelegateExecution run = execution.getProcessInstance();
        String summary = (String) run.getVariable(BaselineVariables.RUN_SUMMARY);
        run.setVariable(BaselineVariables.RUN_SUMMARY, VariableText.fit((summary == null ? "" : summary)
                + result.line() + "\n", "the run's evidence"));
        run.setVariable(RunVariables.OUTCOME, result.outcomeAfter((String) run.getVariable(RunVariables.OUTCOME)));
    }
}

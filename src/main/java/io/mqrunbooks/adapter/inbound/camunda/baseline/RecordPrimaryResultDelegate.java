package io.mqrunbooks.adapter.inbound.camunda.baseline;

import static io.mqrunbooks.adapter.inbound.camunda.baseline.BaselineVariables.*;

import io.mqrunbooks.application.baseline.PrimaryResult;
import io.mqrunbooks.platform.run.GateAcceptance;
import io.mqrunbooks.platform.run.RunRecords;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Adds this primary's line to the run summary and keeps the run's outcome up to date. Who decided the levelling
 * comes from the server's record of the gate, not from a variable.
 */
@Component
public class RecordPrimaryResultDelegate implements JavaDelegate {

    private final RunRecords runs;

    public RecordPrimaryResultDelegate(RunRecords runs) {
        this.runs = runs;
    }

    @Override
    public void execute(DelegateExecution execution) {
        PrimaryResult result = PrimaryResult.of(QUEUE_MANAGER.get(execution), BACKUP_QUEUE_MANAGER.getOrNull(execution),
                BACKUP_REPLICATED.getOrDefault(execution, false), BACKUP_LAGS.getOrDefault(execution, false),
                new PrimaryResult.Review(LEVELLING.getOrNull(execution), LAG_REVIEWED_BY.getOrNull(execution),
                        REVIEW_COMMENT.getOrNull(execution)),
                DECISION.getOrNull(execution),
                GateAcceptance.decidedBy(runs, execution, LevelBackupDelegate.APPROVAL_GATE).orElse(null),
                LEVELLING_COMMENT.getOrNull(execution), LEVEL_RESULT.getOrNull(execution),
                BACKUP_VERIFIED.getOrNull(execution));
        DelegateExecution run = execution.getProcessInstance();
        RUN_SUMMARY.set(run, RUN_SUMMARY.getOrDefault(run, "") + result.line() + "\n");
        OUTCOME.set(run, result.outcomeAfter(OUTCOME.getOrNull(run)));
    }
}

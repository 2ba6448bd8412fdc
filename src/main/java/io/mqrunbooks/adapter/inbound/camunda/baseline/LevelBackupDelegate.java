package io.mqrunbooks.adapter.inbound.camunda.baseline;

import static io.mqrunbooks.adapter.inbound.camunda.baseline.BaselineVariables.*;

import io.mqrunbooks.application.baseline.BaselineService;
import io.mqrunbooks.platform.run.GateAcceptance;
import io.mqrunbooks.platform.run.RunRecords;
import io.mqrunbooks.platform.runbook.RunText;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Levels the backup as approved; the approver it records is the server's record of the gate, not a variable. */
@Component
public class LevelBackupDelegate implements JavaDelegate {

    static final String APPROVAL_GATE = "userTask_approveLevelling";

    private final BaselineService baselines;
    private final RunRecords runs;

    public LevelBackupDelegate(BaselineService baselines, RunRecords runs) {
        this.baselines = baselines;
        this.runs = runs;
    }

    @Override
    public void execute(DelegateExecution execution) {
        BaselineService.LevelResult result = baselines.level(QUEUE_MANAGER.get(execution),
                LEVEL_PLAN_ID.get(execution), GateAcceptance.decidedBy(runs, execution, APPROVAL_GATE).orElse(null),
                execution.getProcessInstanceId());
        LEVEL_RESULT.setLocal(execution, result.state().name());
        VERIFY_SUMMARY.setLocal(execution, RunText.fit(result.summary(), EVIDENCE));
    }
}

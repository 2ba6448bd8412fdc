package io.mqrunbooks.adapter.inbound.camunda.rdqm;

import io.mqrunbooks.application.rdqm.RdqmFailover;
import io.mqrunbooks.platform.RunVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Records the new primary and what was lost, as far as rdqmstatus shows it. */
@Component
public class RecordFailoverDelegate implements JavaDelegate {

    private final RdqmFailover failover;

    public RecordFailoverDelegate(RdqmFailover failover) {
        this.failover = failover;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean reverted = Boolean.TRUE.equals(execution.getVariable(RdqmVariables.REVERTED_TO_SNAPSHOT));
        RdqmFailover.FailoverRecord record = failover.record(RunbookSteps.text(execution, RunVariables.QUEUE_MANAGER),
                RunbookSteps.text(execution, RdqmVariables.NEW_PRIMARY_NODE), reverted);
        execution.setVariable(RdqmVariables.FAILOVER_RESULT, record.summary());
        execution.setVariable(RdqmVariables.DATA_LOSS_RECORD, record.dataLossRecord());
        RunbookSteps.log(execution, record.summary());
    }
}

package io.mqrunbooks.adapter.inbound.camunda.rdqm;

import static io.mqrunbooks.adapter.inbound.camunda.rdqm.RdqmVariables.*;

import io.mqrunbooks.application.rdqm.RdqmFailover;
import io.mqrunbooks.platform.runbook.RunText;
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
        boolean reverted = REVERTED_TO_SNAPSHOT.getOrDefault(execution, false);
        RdqmFailover.FailoverRecord record = failover.record(QUEUE_MANAGER.get(execution),
                NEW_PRIMARY_NODE.get(execution), reverted);
        FAILOVER_RESULT.set(execution, record.summary());
        DATA_LOSS_RECORD.set(execution, record.dataLossRecord());
        RunText.appendLine(execution, RUN_LOG, record.summary());
    }
}

package io.mqrunbooks.adapter.inbound.camunda.rdqm;

import static io.mqrunbooks.adapter.inbound.camunda.rdqm.RdqmVariables.*;

import io.mqrunbooks.adapter.inbound.camunda.RunbookWaits;
import io.mqrunbooks.application.rdqm.RdqmFailover;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** One poll while the promoted node shows Reverting to snapshot. */
@Component
public class CheckSnapshotRevertDelegate implements JavaDelegate {

    private final RdqmFailover failover;
    private final RunbookWaits waits;

    public CheckSnapshotRevertDelegate(RdqmFailover failover, RunbookWaits waits) {
        this.failover = failover;
        this.waits = waits;
    }

    @Override
    public void execute(DelegateExecution execution) {
        int polls = REVERT_POLLS.getOrDefault(execution, 0) + 1;
        RdqmFailover.RevertCheck check = failover.checkRevert(QUEUE_MANAGER.get(execution),
                TARGET_NODE.get(execution));
        if (check.reverting() && polls >= waits.pollsWithin(execution.getProcessInstanceId(), REVERT_TIME_LIMIT)) {
            throw new IllegalStateException("Still reverting to the snapshot after " + polls + " polls of "
                    + waits.pollInWords(execution.getProcessInstanceId()) + ": "
                    + check.summary());
        }
        REVERT_POLLS.set(execution, polls);
        REVERTING_TO_SNAPSHOT.set(execution, check.reverting());
        REVERT_STATUS.set(execution, check.summary());
    }
}

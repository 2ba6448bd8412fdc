package io.mqrunbooks.adapter.inbound.camunda.rdqm;

import io.mqrunbooks.application.rdqm.RdqmFailover;
import io.mqrunbooks.platform.RunVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** One poll while the promoted node shows Reverting to snapshot. */
@Component
public class CheckSnapshotRevertDelegate implements JavaDelegate {

    private final RdqmFailover failover;

    public CheckSnapshotRevertDelegate(RdqmFailover failover) {
        this.failover = failover;
    }

    @Override
    public void execute(DelegateExecution execution) {
        int polls = RunbookSteps.count(execution, RdqmVariables.REVERT_POLLS) + 1;
        RdqmFailover.RevertCheck check = failover.checkRevert(RunbookSteps.text(execution, RunVariables.QUEUE_MANAGER),
                RunbookSteps.text(execution, RdqmVariables.TARGET_NODE));
        if (check.reverting() && polls >= RdqmVariables.REVERT_POLL_LIMIT) {
            throw new IllegalStateException("Still reverting to the snapshot after " + polls + " polls of 30 s: "
                    + check.summary());
        }
        execution.setVariable(RdqmVariables.REVERT_POLLS, polls);
        execution.setVariable(RdqmVariables.REVERTING_TO_SNAPSHOT, check.reverting());
        execution.setVariable(RdqmVariables.REVERT_STATUS, check.summary());
    }
}

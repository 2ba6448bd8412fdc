package io.mqrunbooks.adapter.inbound.camunda.nativeha;

import io.mqrunbooks.adapter.inbound.camunda.RunbookWaits;
import io.mqrunbooks.adapter.inbound.camunda.rdqm.RunbookSteps;
import io.mqrunbooks.application.nativeha.NativeHaMaintenance;
import io.mqrunbooks.platform.RunVariables;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** One poll: are the instances other than the next one to maintain in sync? Names the next instance, if any. */
@Component
public class CheckGroupSyncDelegate implements JavaDelegate {

    private final NativeHaMaintenance maintenance;
    private final RunbookWaits waits;

    public CheckGroupSyncDelegate(NativeHaMaintenance maintenance, RunbookWaits waits) {
        this.maintenance = maintenance;
        this.waits = waits;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String queueManager = RunbookSteps.text(execution, RunVariables.QUEUE_MANAGER);
        List<String> order = maintenance.order(queueManager,
                RunbookSteps.text(execution, NativeHaVariables.MAINTENANCE_ORDER));
        int index = RunbookSteps.count(execution, NativeHaVariables.INSTANCE_INDEX);
        String next = index < order.size() ? order.get(index) : null;
        NativeHaMaintenance.SyncCheck check = maintenance.checkSync(queueManager, order, next);
        int polls = RunbookSteps.count(execution, NativeHaVariables.SYNC_POLLS) + 1;
        Object limit = execution.getVariable(NativeHaVariables.SYNC_POLL_LIMIT);
        int pollLimit = limit == null ? waits.pollsWithin(execution.getProcessInstanceId(),
                NativeHaVariables.SYNC_TIME_LIMIT) : ((Number) limit).intValue();
        execution.setVariable(NativeHaVariables.SYNC_POLL_LIMIT, pollLimit);
        execution.setVariable(NativeHaVariables.SYNC_POLLS, check.inSync() ? 0 : polls);
        execution.setVariable(NativeHaVariables.GROUP_IN_SYNC, check.inSync());
        execution.setVariable(NativeHaVariables.SYNC_LIMIT_REACHED, !check.inSync() && polls >= pollLimit);
        execution.setVariable(NativeHaVariables.SYNC_STATUS, "Poll " + polls + " of " + pollLimit + ": "
                + check.summary());
        execution.setVariable(NativeHaVariables.INSTANCES_LEFT, next != null);
        execution.setVariable(NativeHaVariables.CURRENT_INSTANCE, next == null ? "" : next);
        if (check.inSync()) {
            RunbookSteps.log(execution, next == null ? "All instances in sync; active on " + check.activeHost()
                    : "In sync before ending " + next + "; active on " + check.activeHost());
        }
    }
}

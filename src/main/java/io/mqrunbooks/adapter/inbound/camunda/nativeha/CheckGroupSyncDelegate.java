package io.mqrunbooks.adapter.inbound.camunda.nativeha;

import static io.mqrunbooks.adapter.inbound.camunda.nativeha.NativeHaVariables.*;

import io.mqrunbooks.adapter.inbound.camunda.RunbookWaits;
import io.mqrunbooks.application.nativeha.NativeHaMaintenance;
import io.mqrunbooks.platform.runbook.RunText;
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
        String queueManager = QUEUE_MANAGER.get(execution);
        List<String> order = maintenance.order(queueManager, MAINTENANCE_ORDER.get(execution));
        int index = CurrentInstance.index(execution);
        String next = index < order.size() ? order.get(index) : null;
        NativeHaMaintenance.SyncCheck check = maintenance.checkSync(queueManager, order, next);
        SYNC_STATUS.set(execution, SYNC_WAIT.count(execution, check.inSync(), waits, SYNC_TIME_LIMIT) + ": "
                + check.summary());
        INSTANCES_LEFT.set(execution, next != null);
        CURRENT_INSTANCE.set(execution, next == null ? "" : next);
        if (check.inSync()) {
            RunText.appendLine(execution, RUN_LOG, next == null ? "All instances in sync; active on "
                    + check.activeHost() : "In sync before ending " + next + "; active on " + check.activeHost());
        }
    }
}

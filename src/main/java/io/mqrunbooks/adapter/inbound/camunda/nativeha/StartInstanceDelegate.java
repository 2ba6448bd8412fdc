package io.mqrunbooks.adapter.inbound.camunda.nativeha;

import static io.mqrunbooks.adapter.inbound.camunda.nativeha.NativeHaVariables.*;

import io.mqrunbooks.application.nativeha.NativeHaMaintenance;
import io.mqrunbooks.platform.runbook.RunText;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * strmqm on the instance's host, unless it runs already; then the run moves on to the next instance of the order
 * (in the same transaction, so a retry never skips or repeats one).
 */
@Component
public class StartInstanceDelegate implements JavaDelegate {

    private final NativeHaMaintenance maintenance;

    public StartInstanceDelegate(NativeHaMaintenance maintenance) {
        this.maintenance = maintenance;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String queueManager = QUEUE_MANAGER.get(execution);
        String host = CurrentInstance.host(execution, maintenance, queueManager);
        RunText.appendLine(execution, RUN_LOG, maintenance.startInstance(queueManager, host));
        INSTANCE_INDEX.set(execution, INSTANCE_INDEX.getOrDefault(execution, 0) + 1);
        SYNC_WAIT.polls().set(execution, 0);
    }
}

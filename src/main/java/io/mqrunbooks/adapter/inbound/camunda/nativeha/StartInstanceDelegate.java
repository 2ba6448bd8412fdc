package io.mqrunbooks.adapter.inbound.camunda.nativeha;

import io.mqrunbooks.adapter.inbound.camunda.rdqm.RunbookSteps;
import io.mqrunbooks.application.nativeha.NativeHaMaintenance;
import io.mqrunbooks.platform.RunVariables;
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
        String queueManager = RunbookSteps.text(execution, RunVariables.QUEUE_MANAGER);
        String host = CurrentInstance.host(execution, maintenance, queueManager);
        RunbookSteps.log(execution, maintenance.startInstance(queueManager, host));
        execution.setVariable(NativeHaVariables.INSTANCE_INDEX,
                RunbookSteps.count(execution, NativeHaVariables.INSTANCE_INDEX) + 1);
        execution.setVariable(NativeHaVariables.SYNC_POLLS, 0);
    }
}

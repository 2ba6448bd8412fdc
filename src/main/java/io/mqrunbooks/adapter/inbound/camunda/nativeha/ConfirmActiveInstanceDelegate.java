package io.mqrunbooks.adapter.inbound.camunda.nativeha;

import io.mqrunbooks.adapter.inbound.camunda.rdqm.RunbookSteps;
import io.mqrunbooks.application.nativeha.NativeHaMaintenance;
import io.mqrunbooks.platform.RunVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** dspmq on the other instances: one of them is active (after the active ended, an in-sync replica took over). */
@Component
public class ConfirmActiveInstanceDelegate implements JavaDelegate {

    private final NativeHaMaintenance maintenance;

    public ConfirmActiveInstanceDelegate(NativeHaMaintenance maintenance) {
        this.maintenance = maintenance;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String queueManager = RunbookSteps.text(execution, RunVariables.QUEUE_MANAGER);
        String host = CurrentInstance.host(execution, maintenance, queueManager);
        RunbookSteps.log(execution, maintenance.confirmActive(queueManager, host));
    }
}

package io.mqrunbooks.adapter.inbound.camunda.nativeha;

import io.mqrunbooks.adapter.inbound.camunda.rdqm.RunbookSteps;
import io.mqrunbooks.application.nativeha.NativeHaMaintenance;
import io.mqrunbooks.platform.RunVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** dspmqver on the host after the operator confirmed its maintenance. */
@Component
public class ReadBackVersionDelegate implements JavaDelegate {

    private final NativeHaMaintenance maintenance;

    public ReadBackVersionDelegate(NativeHaMaintenance maintenance) {
        this.maintenance = maintenance;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String queueManager = RunbookSteps.text(execution, RunVariables.QUEUE_MANAGER);
        String host = CurrentInstance.host(execution, maintenance, queueManager);
        RunbookSteps.log(execution, maintenance.readBackVersion(host));
    }
}

package io.mqrunbooks.adapter.inbound.camunda.nativeha;

import io.mqrunbooks.adapter.inbound.camunda.rdqm.RunbookSteps;
import io.mqrunbooks.application.nativeha.NativeHaMaintenance;
import io.mqrunbooks.platform.RunVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** endmqm -w on the instance's host, unless it has already ended (a retry after it ended does nothing). */
@Component
public class EndInstanceDelegate implements JavaDelegate {

    private final NativeHaMaintenance maintenance;

    public EndInstanceDelegate(NativeHaMaintenance maintenance) {
        this.maintenance = maintenance;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String queueManager = RunbookSteps.text(execution, RunVariables.QUEUE_MANAGER);
        String host = CurrentInstance.host(execution, maintenance, queueManager);
        RunbookSteps.log(execution, maintenance.endInstance(queueManager, host));
    }
}

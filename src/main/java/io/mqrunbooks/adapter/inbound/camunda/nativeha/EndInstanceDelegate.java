package io.mqrunbooks.adapter.inbound.camunda.nativeha;

import static io.mqrunbooks.adapter.inbound.camunda.nativeha.NativeHaVariables.*;

import io.mqrunbooks.application.nativeha.NativeHaMaintenance;
import io.mqrunbooks.platform.runbook.RunText;
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
        String queueManager = QUEUE_MANAGER.get(execution);
        String host = CurrentInstance.host(execution, maintenance, queueManager);
        RunText.appendLine(execution, RUN_LOG, maintenance.endInstance(queueManager, host));
    }
}

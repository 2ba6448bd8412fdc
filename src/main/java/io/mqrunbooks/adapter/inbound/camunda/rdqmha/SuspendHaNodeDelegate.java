package io.mqrunbooks.adapter.inbound.camunda.rdqmha;

import static io.mqrunbooks.adapter.inbound.camunda.rdqmha.RdqmHaVariables.*;

import io.mqrunbooks.application.rdqmha.RdqmHaMaintenance;
import io.mqrunbooks.platform.runbook.RunText;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** rdqmadm -s on the node, unless it is already suspended. */
@Component
public class SuspendHaNodeDelegate implements JavaDelegate {

    private final RdqmHaMaintenance maintenance;

    public SuspendHaNodeDelegate(RdqmHaMaintenance maintenance) {
        this.maintenance = maintenance;
    }

    @Override
    public void execute(DelegateExecution execution) {
        RunText.appendLine(execution, RUN_LOG, maintenance.suspend(HA_NODE.get(execution)));
    }
}

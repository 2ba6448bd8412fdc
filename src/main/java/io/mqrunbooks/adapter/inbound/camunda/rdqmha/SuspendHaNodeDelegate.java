package io.mqrunbooks.adapter.inbound.camunda.rdqmha;

import io.mqrunbooks.adapter.inbound.camunda.rdqm.RunbookSteps;
import io.mqrunbooks.application.rdqmha.RdqmHaMaintenance;
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
        RunbookSteps.log(execution, maintenance.suspend(RunbookSteps.text(execution, RdqmHaVariables.HA_NODE)));
    }
}

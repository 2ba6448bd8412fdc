package io.mqrunbooks.adapter.inbound.camunda.rdqmha;

import static io.mqrunbooks.adapter.inbound.camunda.rdqmha.RdqmHaVariables.*;

import io.mqrunbooks.application.rdqmha.RdqmHaMaintenance;
import io.mqrunbooks.platform.runbook.RunText;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** rdqmadm -r on the node, unless it is online. */
@Component
public class ResumeHaNodeDelegate implements JavaDelegate {

    private final RdqmHaMaintenance maintenance;

    public ResumeHaNodeDelegate(RdqmHaMaintenance maintenance) {
        this.maintenance = maintenance;
    }

    @Override
    public void execute(DelegateExecution execution) {
        RunText.appendLine(execution, RUN_LOG, maintenance.resume(HA_NODE.get(execution)));
    }
}

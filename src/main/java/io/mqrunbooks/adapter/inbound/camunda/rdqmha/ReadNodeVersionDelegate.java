package io.mqrunbooks.adapter.inbound.camunda.rdqmha;

import io.mqrunbooks.adapter.inbound.camunda.rdqm.RunbookSteps;
import io.mqrunbooks.application.rdqmha.RdqmHaMaintenance;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** dspmqver on the maintained node after the operator's confirmation: what is installed now, into the run log. */
@Component
public class ReadNodeVersionDelegate implements JavaDelegate {

    private final RdqmHaMaintenance maintenance;

    public ReadNodeVersionDelegate(RdqmHaMaintenance maintenance) {
        this.maintenance = maintenance;
    }

    @Override
    public void execute(DelegateExecution execution) {
        RunbookSteps.log(execution, maintenance.installedVersion(RunbookSteps.text(execution, RdqmHaVariables.HA_NODE)));
    }
}

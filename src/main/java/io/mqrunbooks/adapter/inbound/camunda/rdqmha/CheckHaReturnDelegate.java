package io.mqrunbooks.adapter.inbound.camunda.rdqmha;

import io.mqrunbooks.adapter.inbound.camunda.rdqm.RunbookSteps;
import io.mqrunbooks.application.rdqmha.RdqmHaMaintenance;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** One poll: does every queue manager run on its preferred location, HA status Normal on every node? */
@Component
public class CheckHaReturnDelegate implements JavaDelegate {

    private final RdqmHaMaintenance maintenance;

    public CheckHaReturnDelegate(RdqmHaMaintenance maintenance) {
        this.maintenance = maintenance;
    }

    @Override
    public void execute(DelegateExecution execution) {
        HaPolls.record(execution, RdqmHaVariables.RETURN, maintenance.pollReturn(
                RunbookSteps.text(execution, RdqmHaVariables.HA_NODE),
                PreferredLocationsJson.read(RunbookSteps.text(execution, RdqmHaVariables.HA_PREFERRED_LOCATIONS))));
    }
}

package io.mqrunbooks.adapter.inbound.camunda.rdqmha;

import io.mqrunbooks.adapter.inbound.camunda.rdqm.RunbookSteps;
import io.mqrunbooks.application.rdqmha.RdqmHaMaintenance;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** rdqmadm -p for each queue manager whose preferred location changed since the pre-flight. */
@Component
public class RestorePreferredLocationsDelegate implements JavaDelegate {

    private final RdqmHaMaintenance maintenance;

    public RestorePreferredLocationsDelegate(RdqmHaMaintenance maintenance) {
        this.maintenance = maintenance;
    }

    @Override
    public void execute(DelegateExecution execution) {
        maintenance.restorePreferredLocations(RunbookSteps.text(execution, RdqmHaVariables.HA_NODE),
                PreferredLocationsJson.read(RunbookSteps.text(execution, RdqmHaVariables.HA_PREFERRED_LOCATIONS)))
                .forEach(line -> RunbookSteps.log(execution, line));
    }
}

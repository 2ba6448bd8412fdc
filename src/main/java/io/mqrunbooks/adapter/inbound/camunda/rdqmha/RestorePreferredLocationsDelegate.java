package io.mqrunbooks.adapter.inbound.camunda.rdqmha;

import static io.mqrunbooks.adapter.inbound.camunda.rdqmha.RdqmHaVariables.*;

import io.mqrunbooks.application.rdqmha.RdqmHaMaintenance;
import io.mqrunbooks.platform.runbook.RunText;
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
        maintenance.restorePreferredLocations(HA_NODE.get(execution), HA_PREFERRED_LOCATIONS.get(execution))
                .forEach(line -> RunText.appendLine(execution, RUN_LOG, line));
    }
}

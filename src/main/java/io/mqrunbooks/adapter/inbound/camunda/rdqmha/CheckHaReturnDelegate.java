package io.mqrunbooks.adapter.inbound.camunda.rdqmha;

import static io.mqrunbooks.adapter.inbound.camunda.rdqmha.RdqmHaVariables.*;

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
        HaPolls.record(execution, RETURN, maintenance.pollReturn(HA_NODE.get(execution),
                HA_PREFERRED_LOCATIONS.get(execution)));
    }
}

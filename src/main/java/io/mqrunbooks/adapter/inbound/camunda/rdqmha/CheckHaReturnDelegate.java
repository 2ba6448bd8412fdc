package io.mqrunbooks.adapter.inbound.camunda.rdqmha;

import static io.mqrunbooks.adapter.inbound.camunda.rdqmha.RdqmHaVariables.*;

import io.mqrunbooks.adapter.inbound.camunda.RunbookWaits;
import io.mqrunbooks.application.rdqmha.RdqmHaMaintenance;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** One poll: does every queue manager run on its preferred location, HA status Normal on every node? */
@Component
public class CheckHaReturnDelegate implements JavaDelegate {

    private final RdqmHaMaintenance maintenance;
    private final RunbookWaits waits;

    public CheckHaReturnDelegate(RdqmHaMaintenance maintenance, RunbookWaits waits) {
        this.maintenance = maintenance;
        this.waits = waits;
    }

    @Override
    public void execute(DelegateExecution execution) {
        HaPolls.record(execution, waits, RETURN, maintenance.pollReturn(HA_NODE.get(execution),
                HA_PREFERRED_LOCATIONS.get(execution)));
    }
}

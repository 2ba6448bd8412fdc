package io.mqrunbooks.adapter.inbound.camunda.rdqmha;

import static io.mqrunbooks.adapter.inbound.camunda.rdqmha.RdqmHaVariables.*;

import io.mqrunbooks.adapter.inbound.camunda.RunbookWaits;
import io.mqrunbooks.application.rdqmha.RdqmHaMaintenance;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** One poll: do the queue managers run off the suspended node, HA status Normal on the remaining nodes? */
@Component
public class CheckHaEvacuationDelegate implements JavaDelegate {

    private final RdqmHaMaintenance maintenance;
    private final RunbookWaits waits;

    public CheckHaEvacuationDelegate(RdqmHaMaintenance maintenance, RunbookWaits waits) {
        this.maintenance = maintenance;
        this.waits = waits;
    }

    @Override
    public void execute(DelegateExecution execution) {
        HaPolls.record(execution, waits, EVACUATION,
                maintenance.pollEvacuation(HA_NODE.get(execution)));
    }
}

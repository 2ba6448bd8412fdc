package io.mqrunbooks.adapter.inbound.camunda.rdqmha;

import static io.mqrunbooks.adapter.inbound.camunda.rdqmha.RdqmHaVariables.*;

import io.mqrunbooks.application.rdqmha.RdqmHaMaintenance;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** One poll: do the queue managers run off the suspended node, HA status Normal on the remaining nodes? */
@Component
public class CheckHaEvacuationDelegate implements JavaDelegate {

    private final RdqmHaMaintenance maintenance;

    public CheckHaEvacuationDelegate(RdqmHaMaintenance maintenance) {
        this.maintenance = maintenance;
    }

    @Override
    public void execute(DelegateExecution execution) {
        HaPolls.record(execution, EVACUATION,
                maintenance.pollEvacuation(HA_NODE.get(execution)));
    }
}

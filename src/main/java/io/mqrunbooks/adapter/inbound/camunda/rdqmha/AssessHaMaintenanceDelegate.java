package io.mqrunbooks.adapter.inbound.camunda.rdqmha;

import static io.mqrunbooks.adapter.inbound.camunda.rdqmha.RdqmHaVariables.*;

import io.mqrunbooks.application.rdqmha.RdqmHaMaintenance;
import io.mqrunbooks.platform.runbook.Refusals;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Pre-flight: rdqmstatus -n and -m on every node of the group; refuses unless all online and Normal. */
@Component
public class AssessHaMaintenanceDelegate implements JavaDelegate {

    private final RdqmHaMaintenance maintenance;

    public AssessHaMaintenanceDelegate(RdqmHaMaintenance maintenance) {
        this.maintenance = maintenance;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String node = HA_NODE.get(execution);
        RdqmHaMaintenance.Plan plan = Refusals.decide(execution, () -> maintenance.assess(node));
        HA_PREFERRED_LOCATIONS.set(execution, plan.preferred());
        HA_MOVING.set(execution, String.join(",", plan.moving()));
        HA_PLAN_SUMMARY.set(execution, plan.summary());
    }
}

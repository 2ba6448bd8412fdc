package io.mqrunbooks.adapter.inbound.camunda.rdqmha;

import io.mqrunbooks.adapter.inbound.camunda.rdqm.RunbookSteps;
import io.mqrunbooks.application.rdqmha.RdqmHaMaintenance;
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
        String node = RunbookSteps.text(execution, RdqmHaVariables.HA_NODE);
        RdqmHaMaintenance.Plan plan = RunbookSteps.decide(execution, () -> maintenance.assess(node));
        execution.setVariable(RdqmHaVariables.HA_PREFERRED_LOCATIONS, PreferredLocationsJson.write(plan.preferred()));
        execution.setVariable(RdqmHaVariables.HA_MOVING, String.join(",", plan.moving()));
        execution.setVariable(RdqmHaVariables.HA_PLAN_SUMMARY, plan.summary());
    }
}

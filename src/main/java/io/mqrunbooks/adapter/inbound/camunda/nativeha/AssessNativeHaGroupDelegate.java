package io.mqrunbooks.adapter.inbound.camunda.nativeha;

import io.mqrunbooks.adapter.inbound.camunda.rdqm.RunbookSteps;
import io.mqrunbooks.application.nativeha.NativeHaMaintenance;
import io.mqrunbooks.platform.RunVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** dspmq -o nativeha -x on every instance: the plan (replicas first, the active last), or the run stops. */
@Component
public class AssessNativeHaGroupDelegate implements JavaDelegate {

    private final NativeHaMaintenance maintenance;

    public AssessNativeHaGroupDelegate(NativeHaMaintenance maintenance) {
        this.maintenance = maintenance;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String queueManager = RunbookSteps.text(execution, RunVariables.QUEUE_MANAGER);
        NativeHaMaintenance.Plan plan = RunbookSteps.decide(execution, () -> maintenance.assess(queueManager));
        execution.setVariable(NativeHaVariables.MAINTENANCE_ORDER, plan.orderText());
        execution.setVariable(NativeHaVariables.PLAN_SUMMARY, plan.summary());
        execution.setVariable(NativeHaVariables.INSTANCE_INDEX, 0);
    }
}

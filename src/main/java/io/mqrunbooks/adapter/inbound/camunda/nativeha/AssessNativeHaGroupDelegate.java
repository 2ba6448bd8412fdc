package io.mqrunbooks.adapter.inbound.camunda.nativeha;

import static io.mqrunbooks.adapter.inbound.camunda.nativeha.NativeHaVariables.*;

import io.mqrunbooks.application.nativeha.NativeHaMaintenance;
import io.mqrunbooks.platform.runbook.Refusals;
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
        String queueManager = QUEUE_MANAGER.get(execution);
        NativeHaMaintenance.Plan plan = Refusals.decide(execution, () -> maintenance.assess(queueManager));
        MAINTENANCE_ORDER.set(execution, plan.orderText());
        PLAN_SUMMARY.set(execution, plan.summary());
        INSTANCE_INDEX.set(execution, 0);
    }
}

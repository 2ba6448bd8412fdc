package io.mqrunbooks.adapter.inbound.camunda.nativeha;

import static io.mqrunbooks.adapter.inbound.camunda.nativeha.CrossRegionVariables.*;

import io.mqrunbooks.application.nativeha.NativeHaCrossRegionSwitch;
import io.mqrunbooks.platform.runbook.Refusals;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** dspmq -o nativeha -g on every instance of both groups: the plan the gate shows, or the run is refused. */
@Component
public class AssessCrossRegionGroupsDelegate implements JavaDelegate {

    private final NativeHaCrossRegionSwitch crossRegion;

    public AssessCrossRegionGroupsDelegate(NativeHaCrossRegionSwitch crossRegion) {
        this.crossRegion = crossRegion;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String queueManager = QUEUE_MANAGER.get(execution);
        boolean planned = PLANNED.equals(SWITCH_TYPE.get(execution));
        NativeHaCrossRegionSwitch.Plan plan = Refusals.decide(execution,
                () -> crossRegion.assess(queueManager, planned));
        PLANNED_SWITCH.set(execution, planned);
        LIVE_GROUP.set(execution, plan.liveGroup());
        RECOVERY_GROUP.set(execution, plan.recoveryGroup());
        PLAN_SUMMARY.set(execution, plan.summary());
        DATA_LOSS_WINDOW.set(execution, plan.dataLossWindow());
    }
}

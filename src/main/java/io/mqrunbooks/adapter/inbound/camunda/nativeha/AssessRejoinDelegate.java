package io.mqrunbooks.adapter.inbound.camunda.nativeha;

import io.mqrunbooks.application.nativeha.NativeHaCrossRegionSwitch;
import io.mqrunbooks.platform.runbook.Refusals;
import io.mqrunbooks.platform.runbook.RunbookVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** dspmq -o nativeha -g on both groups: which group is Live, which one is back to be made Recovery, or refused. */
@Component
public class AssessRejoinDelegate implements JavaDelegate {

    private final NativeHaCrossRegionSwitch crossRegion;

    public AssessRejoinDelegate(NativeHaCrossRegionSwitch crossRegion) {
        this.crossRegion = crossRegion;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String queueManager = RunbookVariables.QUEUE_MANAGER.get(execution);
        NativeHaCrossRegionSwitch.RejoinPlan plan = Refusals.decide(execution,
                () -> crossRegion.assessRejoin(queueManager));
        RejoinVariables.LIVE_GROUP.set(execution, plan.liveGroup());
        RejoinVariables.RETURNED_GROUP.set(execution, plan.returnedGroup());
        RejoinVariables.PLAN_SUMMARY.set(execution, plan.summary());
    }
}

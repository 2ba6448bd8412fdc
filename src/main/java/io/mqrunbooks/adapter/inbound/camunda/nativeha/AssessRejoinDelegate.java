package io.mqrunbooks.adapter.inbound.camunda.nativeha;

import io.mqrunbooks.adapter.inbound.camunda.rdqm.RunbookSteps;
import io.mqrunbooks.application.nativeha.NativeHaCrossRegionSwitch;
import io.mqrunbooks.platform.RunVariables;
import io.mqrunbooks.platform.runbook.RunText;
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
        String queueManager = RunbookSteps.text(execution, RunVariables.QUEUE_MANAGER);
        NativeHaCrossRegionSwitch.RejoinPlan plan = RunbookSteps.decide(execution,
                () -> crossRegion.assessRejoin(queueManager));
        execution.setVariable(CrossRegionVariables.LIVE_GROUP, plan.liveGroup());
        execution.setVariable(CrossRegionVariables.RETURNED_GROUP, plan.returnedGroup());
        execution.setVariable(CrossRegionVariables.PLAN_SUMMARY, RunText.fit(plan.summary(),
                "the evidence of the dspmq commands of this run"));
    }
}

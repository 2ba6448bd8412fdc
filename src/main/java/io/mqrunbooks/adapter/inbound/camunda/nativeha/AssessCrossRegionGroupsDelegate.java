package io.mqrunbooks.adapter.inbound.camunda.nativeha;

import io.mqrunbooks.adapter.inbound.camunda.rdqm.RunbookSteps;
import io.mqrunbooks.application.nativeha.NativeHaCrossRegionSwitch;
import io.mqrunbooks.platform.RunVariables;
import io.mqrunbooks.platform.runbook.RunText;
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
        String queueManager = RunbookSteps.text(execution, RunVariables.QUEUE_MANAGER);
        boolean planned = CrossRegionVariables.PLANNED.equals(
                RunbookSteps.text(execution, CrossRegionVariables.SWITCH_TYPE));
        NativeHaCrossRegionSwitch.Plan plan = RunbookSteps.decide(execution,
                () -> crossRegion.assess(queueManager, planned));
        execution.setVariable(CrossRegionVariables.PLANNED_SWITCH, planned);
        execution.setVariable(CrossRegionVariables.LIVE_GROUP, plan.liveGroup());
        execution.setVariable(CrossRegionVariables.RECOVERY_GROUP, plan.recoveryGroup());
        // the dspmq lines of six hosts can outgrow a string variable; the commands' evidence holds every line
        execution.setVariable(CrossRegionVariables.PLAN_SUMMARY, RunText.fit(plan.summary(),
                "the evidence of the dspmq commands of this run"));
        execution.setVariable(CrossRegionVariables.DATA_LOSS_WINDOW, plan.dataLossWindow());
    }
}

package io.mqrunbooks.adapter.inbound.camunda.nativeha;

import io.mqrunbooks.adapter.inbound.camunda.rdqm.RunbookSteps;
import io.mqrunbooks.application.nativeha.NativeHaCrossRegionSwitch;
import io.mqrunbooks.platform.RunVariables;
import io.mqrunbooks.platform.run.GateAcceptance;
import io.mqrunbooks.platform.run.RunRecords;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Planned switch, first: the Live group's instances ask to be Recovery, confirmed with dspmq -o nativeha -g. */
@Component
public class MakeLiveGroupRecoveryDelegate implements JavaDelegate {

    private final NativeHaCrossRegionSwitch crossRegion;
    private final RunRecords runs;

    public MakeLiveGroupRecoveryDelegate(NativeHaCrossRegionSwitch crossRegion, RunRecords runs) {
        this.crossRegion = crossRegion;
        this.runs = runs;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String queueManager = RunbookSteps.text(execution, RunVariables.QUEUE_MANAGER);
        String live = RunbookSteps.text(execution, CrossRegionVariables.LIVE_GROUP);
        crossRegion.checkGroups(queueManager, live, RunbookSteps.text(execution, CrossRegionVariables.RECOVERY_GROUP));
        crossRegion.checkMandateToMakeRecovery(queueManager, live, CrossRegionVariables.PLANNED.equals(
                GateAcceptance.sealedParameter(runs, execution, CrossRegionVariables.SWITCH_TYPE).orElse(null)));
        RunbookSteps.log(execution, crossRegion.requestRole(queueManager, live, NativeHaCrossRegionSwitch.RECOVERY));
        RunbookSteps.log(execution, crossRegion.confirmRole(queueManager, live, NativeHaCrossRegionSwitch.RECOVERY));
    }
}

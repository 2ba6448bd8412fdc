package io.mqrunbooks.adapter.inbound.camunda.nativeha;

import io.mqrunbooks.adapter.inbound.camunda.rdqm.RunbookSteps;
import io.mqrunbooks.application.nativeha.NativeHaCrossRegionSwitch;
import io.mqrunbooks.platform.RunVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Planned switch, first: the Live group's instances ask to be Recovery, confirmed with dspmq -o nativeha -g. */
@Component
public class MakeLiveGroupRecoveryDelegate implements JavaDelegate {

    private final NativeHaCrossRegionSwitch crossRegion;

    public MakeLiveGroupRecoveryDelegate(NativeHaCrossRegionSwitch crossRegion) {
        this.crossRegion = crossRegion;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String queueManager = RunbookSteps.text(execution, RunVariables.QUEUE_MANAGER);
        String live = RunbookSteps.text(execution, CrossRegionVariables.LIVE_GROUP);
        crossRegion.checkGroups(queueManager, live, RunbookSteps.text(execution, CrossRegionVariables.RECOVERY_GROUP));
        RunbookSteps.log(execution, crossRegion.requestRole(queueManager, live, NativeHaCrossRegionSwitch.RECOVERY));
        RunbookSteps.log(execution, crossRegion.confirmRole(queueManager, live, NativeHaCrossRegionSwitch.RECOVERY));
    }
}

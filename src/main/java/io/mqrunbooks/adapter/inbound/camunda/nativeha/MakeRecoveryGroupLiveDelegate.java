package io.mqrunbooks.adapter.inbound.camunda.nativeha;

import io.mqrunbooks.adapter.inbound.camunda.rdqm.RunbookSteps;
import io.mqrunbooks.application.nativeha.NativeHaCrossRegionSwitch;
import io.mqrunbooks.platform.RunVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The Recovery group's instances ask to be Live; confirmed when one reports ROLE(Active) and GRPROLE(Live). */
@Component
public class MakeRecoveryGroupLiveDelegate implements JavaDelegate {

    private final NativeHaCrossRegionSwitch crossRegion;

    public MakeRecoveryGroupLiveDelegate(NativeHaCrossRegionSwitch crossRegion) {
        this.crossRegion = crossRegion;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String queueManager = RunbookSteps.text(execution, RunVariables.QUEUE_MANAGER);
        String recovery = RunbookSteps.text(execution, CrossRegionVariables.RECOVERY_GROUP);
        crossRegion.checkGroups(queueManager, RunbookSteps.text(execution, CrossRegionVariables.LIVE_GROUP), recovery);
        RunbookSteps.log(execution, crossRegion.requestRole(queueManager, recovery, NativeHaCrossRegionSwitch.LIVE));
        RunbookSteps.log(execution, crossRegion.confirmRole(queueManager, recovery, NativeHaCrossRegionSwitch.LIVE));
    }
}

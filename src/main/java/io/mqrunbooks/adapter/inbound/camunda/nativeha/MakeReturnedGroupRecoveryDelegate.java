package io.mqrunbooks.adapter.inbound.camunda.nativeha;

import io.mqrunbooks.adapter.inbound.camunda.rdqm.RunbookSteps;
import io.mqrunbooks.application.nativeha.NativeHaCrossRegionSwitch;
import io.mqrunbooks.application.nativeha.NativeHaMaintenance;
import io.mqrunbooks.platform.RunVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The returned group's instances ask to be Recovery (qm.ini GroupRole) before any of them starts, so it never runs
 * as a second Live group; then strmqm where an instance does not run, confirmed when the group reports
 * GRPROLE(Recovery). Safe to repeat: each part skips what is done.
 */
@Component
public class MakeReturnedGroupRecoveryDelegate implements JavaDelegate {

    private final NativeHaCrossRegionSwitch crossRegion;
    private final NativeHaMaintenance instances;

    public MakeReturnedGroupRecoveryDelegate(NativeHaCrossRegionSwitch crossRegion, NativeHaMaintenance instances) {
        this.crossRegion = crossRegion;
        this.instances = instances;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String queueManager = RunbookSteps.text(execution, RunVariables.QUEUE_MANAGER);
        String returned = RunbookSteps.text(execution, CrossRegionVariables.RETURNED_GROUP);
        crossRegion.checkGroups(queueManager, RunbookSteps.text(execution, CrossRegionVariables.LIVE_GROUP), returned);
        RunbookSteps.log(execution, crossRegion.requestRole(queueManager, returned, NativeHaCrossRegionSwitch.RECOVERY));
        crossRegion.startGroup(queueManager, returned, instances).forEach(line -> RunbookSteps.log(execution, line));
        RunbookSteps.log(execution, crossRegion.confirmRole(queueManager, returned, NativeHaCrossRegionSwitch.RECOVERY));
        execution.setVariable(CrossRegionVariables.REJOIN_POLLS, 0);
    }
}

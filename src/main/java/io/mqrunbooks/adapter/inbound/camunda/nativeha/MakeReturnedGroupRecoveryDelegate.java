package io.mqrunbooks.adapter.inbound.camunda.nativeha;

import io.mqrunbooks.application.nativeha.NativeHaCrossRegionSwitch;
import io.mqrunbooks.application.nativeha.NativeHaMaintenance;
import io.mqrunbooks.platform.runbook.RunText;
import io.mqrunbooks.platform.runbook.RunbookVariables;
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
        String queueManager = RunbookVariables.QUEUE_MANAGER.get(execution);
        String returned = RejoinVariables.RETURNED_GROUP.get(execution);
        crossRegion.checkGroups(queueManager, RejoinVariables.LIVE_GROUP.get(execution), returned);
        log(execution, crossRegion.requestRole(queueManager, returned, NativeHaCrossRegionSwitch.RECOVERY));
        crossRegion.startGroup(queueManager, returned, instances).forEach(line -> log(execution, line));
        log(execution, crossRegion.confirmRole(queueManager, returned, NativeHaCrossRegionSwitch.RECOVERY));
        RejoinVariables.REJOIN_WAIT.polls().set(execution, 0);
    }

    private static void log(DelegateExecution execution, String line) {
        RunText.appendLine(execution, RunbookVariables.RUN_LOG, line);
    }
}

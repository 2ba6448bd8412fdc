package io.mqrunbooks.adapter.inbound.camunda.nativeha;

import static io.mqrunbooks.adapter.inbound.camunda.nativeha.CrossRegionVariables.*;

import io.mqrunbooks.application.nativeha.NativeHaCrossRegionSwitch;
import io.mqrunbooks.platform.run.GateAcceptance;
import io.mqrunbooks.platform.run.RunRecords;
import io.mqrunbooks.platform.runbook.RunText;
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
        String queueManager = QUEUE_MANAGER.get(execution);
        String live = LIVE_GROUP.get(execution);
        crossRegion.checkGroups(queueManager, live, RECOVERY_GROUP.get(execution));
        crossRegion.checkMandateToMakeRecovery(queueManager, live, PLANNED.equals(
                GateAcceptance.sealedParameter(runs, execution, SWITCH_TYPE.name()).orElse(null)));
        RunText.appendLine(execution, RUN_LOG,
                crossRegion.requestRole(queueManager, live, NativeHaCrossRegionSwitch.RECOVERY));
        RunText.appendLine(execution, RUN_LOG,
                crossRegion.confirmRole(queueManager, live, NativeHaCrossRegionSwitch.RECOVERY));
    }
}

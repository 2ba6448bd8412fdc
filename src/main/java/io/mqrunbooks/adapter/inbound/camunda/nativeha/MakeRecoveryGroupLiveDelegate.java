package io.mqrunbooks.adapter.inbound.camunda.nativeha;

import static io.mqrunbooks.adapter.inbound.camunda.nativeha.CrossRegionVariables.*;

import io.mqrunbooks.application.nativeha.NativeHaCrossRegionSwitch;
import io.mqrunbooks.platform.runbook.RunText;
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
        String queueManager = QUEUE_MANAGER.get(execution);
        String recovery = RECOVERY_GROUP.get(execution);
        crossRegion.checkGroups(queueManager, LIVE_GROUP.get(execution), recovery);
        RunText.appendLine(execution, RUN_LOG,
                crossRegion.requestRole(queueManager, recovery, NativeHaCrossRegionSwitch.LIVE));
        RunText.appendLine(execution, RUN_LOG,
                crossRegion.confirmRole(queueManager, recovery, NativeHaCrossRegionSwitch.LIVE));
    }
}

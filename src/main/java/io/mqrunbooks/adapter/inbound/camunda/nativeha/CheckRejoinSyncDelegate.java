package io.mqrunbooks.adapter.inbound.camunda.nativeha;

import io.mqrunbooks.application.nativeha.NativeHaCrossRegionSwitch;
import io.mqrunbooks.platform.runbook.RunText;
import io.mqrunbooks.platform.runbook.RunbookVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** One poll: does the Live group's active see the returned group as Recovery, connected and in sync? */
@Component
public class CheckRejoinSyncDelegate implements JavaDelegate {

    private final NativeHaCrossRegionSwitch crossRegion;

    public CheckRejoinSyncDelegate(NativeHaCrossRegionSwitch crossRegion) {
        this.crossRegion = crossRegion;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String live = RejoinVariables.LIVE_GROUP.get(execution);
        String returned = RejoinVariables.RETURNED_GROUP.get(execution);
        NativeHaCrossRegionSwitch.RejoinSync check = crossRegion.checkRejoined(
                RunbookVariables.QUEUE_MANAGER.get(execution), live, returned);
        RejoinVariables.REJOIN_STATUS.set(execution, RejoinVariables.REJOIN_WAIT.count(execution, check.inSync(),
                () -> RejoinVariables.DEFAULT_REJOIN_POLL_LIMIT) + ": " + check.summary());
        if (check.inSync()) {
            RunText.appendLine(execution, RunbookVariables.RUN_LOG, returned + " is Recovery and in sync with " + live
                    + " (" + check.summary() + ")");
        }
    }
}

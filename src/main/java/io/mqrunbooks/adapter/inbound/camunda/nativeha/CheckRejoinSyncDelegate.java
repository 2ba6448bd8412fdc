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
        int polls = RejoinVariables.REJOIN_POLLS.getOrDefault(execution, 0) + 1;
        int pollLimit = RejoinVariables.REJOIN_POLL_LIMIT.getOrDefault(execution,
                RejoinVariables.DEFAULT_REJOIN_POLL_LIMIT);
        RejoinVariables.REJOIN_POLL_LIMIT.set(execution, pollLimit);
        RejoinVariables.REJOIN_POLLS.set(execution, check.inSync() ? 0 : polls);
        RejoinVariables.REJOINED.set(execution, check.inSync());
        RejoinVariables.REJOIN_LIMIT_REACHED.set(execution, !check.inSync() && polls >= pollLimit);
        RejoinVariables.REJOIN_STATUS.set(execution, "Poll " + polls + " of " + pollLimit + ": " + check.summary());
        if (check.inSync()) {
            RunText.appendLine(execution, RunbookVariables.RUN_LOG, returned + " is Recovery and in sync with " + live
                    + " (" + check.summary() + ")");
        }
    }
}

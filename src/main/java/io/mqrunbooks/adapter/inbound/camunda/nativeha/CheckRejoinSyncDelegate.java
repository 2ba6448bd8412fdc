package io.mqrunbooks.adapter.inbound.camunda.nativeha;

import io.mqrunbooks.adapter.inbound.camunda.rdqm.RunbookSteps;
import io.mqrunbooks.application.nativeha.NativeHaCrossRegionSwitch;
import io.mqrunbooks.platform.RunVariables;
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
        String queueManager = RunbookSteps.text(execution, RunVariables.QUEUE_MANAGER);
        String live = RunbookSteps.text(execution, CrossRegionVariables.LIVE_GROUP);
        String returned = RunbookSteps.text(execution, CrossRegionVariables.RETURNED_GROUP);
        NativeHaCrossRegionSwitch.RejoinSync check = crossRegion.checkRejoined(queueManager, live, returned);
        int polls = RunbookSteps.count(execution, CrossRegionVariables.REJOIN_POLLS) + 1;
        Object limit = execution.getVariable(CrossRegionVariables.REJOIN_POLL_LIMIT);
        int pollLimit = limit == null ? CrossRegionVariables.DEFAULT_REJOIN_POLL_LIMIT : ((Number) limit).intValue();
        execution.setVariable(CrossRegionVariables.REJOIN_POLL_LIMIT, pollLimit);
        execution.setVariable(CrossRegionVariables.REJOIN_POLLS, check.inSync() ? 0 : polls);
        execution.setVariable(CrossRegionVariables.REJOINED, check.inSync());
        execution.setVariable(CrossRegionVariables.REJOIN_LIMIT_REACHED, !check.inSync() && polls >= pollLimit);
        execution.setVariable(CrossRegionVariables.REJOIN_STATUS, "Poll " + polls + " of " + pollLimit + ": "
                + check.summary());
        if (check.inSync()) {
            RunbookSteps.log(execution, returned + " is Recovery and in sync with " + live + " (" + check.summary() + ")");
        }
    }
}

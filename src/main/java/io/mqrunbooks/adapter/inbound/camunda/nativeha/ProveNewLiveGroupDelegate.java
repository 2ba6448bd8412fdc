package io.mqrunbooks.adapter.inbound.camunda.nativeha;

import io.mqrunbooks.adapter.inbound.camunda.rdqm.RunbookSteps;
import io.mqrunbooks.application.nativeha.NativeHaCrossRegionSwitch;
import io.mqrunbooks.platform.RunVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** A test message put and got back on the queue manager in its new Live group, as DR activation does. */
@Component
public class ProveNewLiveGroupDelegate implements JavaDelegate {

    private final NativeHaCrossRegionSwitch crossRegion;

    public ProveNewLiveGroupDelegate(NativeHaCrossRegionSwitch crossRegion) {
        this.crossRegion = crossRegion;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String queueManager = RunbookSteps.text(execution, RunVariables.QUEUE_MANAGER);
        RunbookSteps.log(execution, crossRegion.proveMessageFlow(queueManager,
                RunbookSteps.text(execution, CrossRegionVariables.LIVE_GROUP),
                RunbookSteps.text(execution, CrossRegionVariables.RECOVERY_GROUP), execution.getProcessInstanceId()));
    }
}

package io.mqrunbooks.adapter.inbound.camunda.nativeha;

import static io.mqrunbooks.adapter.inbound.camunda.nativeha.CrossRegionVariables.*;

import io.mqrunbooks.application.nativeha.NativeHaCrossRegionSwitch;
import io.mqrunbooks.platform.runbook.RunText;
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
        String queueManager = QUEUE_MANAGER.get(execution);
        RunText.appendLine(execution, RUN_LOG, crossRegion.proveMessageFlow(queueManager,
                LIVE_GROUP.get(execution), RECOVERY_GROUP.get(execution), execution.getProcessInstanceId()));
    }
}

package io.mqrunbooks.adapter.inbound.camunda.multiinstance;

import static io.mqrunbooks.adapter.inbound.camunda.multiinstance.MultiInstanceVariables.*;

import io.mqrunbooks.application.multiinstance.MultiInstanceSwitchover;
import io.mqrunbooks.platform.runbook.RunText;
import io.mqrunbooks.platform.runbook.RunbookVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** endmqm -c|-i|-p -s on the active instance, unless it no longer runs there. */
@Component
public class SwitchOverInstanceDelegate implements JavaDelegate {

    private final MultiInstanceSwitchover switchover;

    public SwitchOverInstanceDelegate(MultiInstanceSwitchover switchover) {
        this.switchover = switchover;
    }

    @Override
    public void execute(DelegateExecution execution) {
        RunText.appendLine(execution, RunbookVariables.RUN_LOG, switchover.switchOver(QUEUE_MANAGER.get(execution),
                ACTIVE_HOST.get(execution), END_MODE.get(execution)));
    }
}

package io.mqrunbooks.adapter.inbound.camunda.multiinstance;

import io.mqrunbooks.adapter.inbound.camunda.rdqm.RunbookSteps;
import io.mqrunbooks.application.multiinstance.MultiInstanceSwitchover;
import io.mqrunbooks.platform.RunVariables;
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
        RunbookSteps.log(execution, switchover.switchOver(RunbookSteps.text(execution, RunVariables.QUEUE_MANAGER),
                RunbookSteps.text(execution, MultiInstanceVariables.ACTIVE_HOST),
                RunbookSteps.text(execution, MultiInstanceVariables.END_MODE)));
    }
}

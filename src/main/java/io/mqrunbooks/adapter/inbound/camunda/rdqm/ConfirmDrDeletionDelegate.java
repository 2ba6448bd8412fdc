package io.mqrunbooks.adapter.inbound.camunda.rdqm;

import io.mqrunbooks.application.rdqm.RdqmLifecycle;
import io.mqrunbooks.platform.RunVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** dspmq on both nodes no longer shows the queue manager. */
@Component
public class ConfirmDrDeletionDelegate implements JavaDelegate {

    private final RdqmLifecycle lifecycle;

    public ConfirmDrDeletionDelegate(RdqmLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String confirmation = lifecycle.confirmDeleted(RunbookSteps.text(execution, RunVariables.QUEUE_MANAGER));
        execution.setVariable(RdqmVariables.DELETE_CONFIRMATION, confirmation);
        RunbookSteps.log(execution, confirmation);
    }
}

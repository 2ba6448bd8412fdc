package io.mqrunbooks.adapter.inbound.camunda.rdqm;

import static io.mqrunbooks.adapter.inbound.camunda.rdqm.RdqmVariables.*;

import io.mqrunbooks.application.rdqm.RdqmLifecycle;
import io.mqrunbooks.platform.runbook.RunText;
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
        String confirmation = lifecycle.confirmDeleted(QUEUE_MANAGER.get(execution));
        DELETE_CONFIRMATION.set(execution, confirmation);
        RunText.appendLine(execution, RUN_LOG, confirmation);
    }
}

package io.mqrunbooks.adapter.inbound.camunda.rdqm;

import static io.mqrunbooks.adapter.inbound.camunda.rdqm.RdqmVariables.*;

import io.mqrunbooks.application.rdqm.RdqmSwitchover;
import io.mqrunbooks.platform.runbook.Refusals;
import io.mqrunbooks.platform.runbook.RunText;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** rdqmstatus on both nodes confirms the new primary runs and the other node is the DR secondary. */
@Component
public class ConfirmDrRolesDelegate implements JavaDelegate {

    private final RdqmSwitchover switchover;

    public ConfirmDrRolesDelegate(RdqmSwitchover switchover) {
        this.switchover = switchover;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String queueManager = QUEUE_MANAGER.get(execution);
        String newPrimary = NEW_PRIMARY_NODE.get(execution);
        String confirmation = Refusals.decide(execution, () -> switchover.confirmRoles(queueManager, newPrimary));
        ROLES_CONFIRMATION.set(execution, confirmation);
        RunText.appendLine(execution, RUN_LOG, confirmation);
    }
}

package io.mqrunbooks.adapter.inbound.camunda.rdqm;

import io.mqrunbooks.application.rdqm.RdqmSwitchover;
import io.mqrunbooks.platform.RunVariables;
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
        String queueManager = RunbookSteps.text(execution, RunVariables.QUEUE_MANAGER);
        String newPrimary = RunbookSteps.text(execution, RdqmVariables.NEW_PRIMARY_NODE);
        String confirmation = RunbookSteps.decide(execution, () -> switchover.confirmRoles(queueManager, newPrimary));
        execution.setVariable(RdqmVariables.ROLES_CONFIRMATION, confirmation);
        RunbookSteps.log(execution, confirmation);
    }
}

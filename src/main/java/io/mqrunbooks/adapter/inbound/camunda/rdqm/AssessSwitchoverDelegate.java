package io.mqrunbooks.adapter.inbound.camunda.rdqm;

import io.mqrunbooks.application.rdqm.RdqmSwitchover;
import io.mqrunbooks.platform.RunVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Reads the roles and DR status on both nodes; refuses unless both show Normal. */
@Component
public class AssessSwitchoverDelegate implements JavaDelegate {

    private final RdqmSwitchover switchover;

    public AssessSwitchoverDelegate(RdqmSwitchover switchover) {
        this.switchover = switchover;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String queueManager = RunbookSteps.text(execution, RunVariables.QUEUE_MANAGER);
        RdqmSwitchover.SwitchoverPlan plan = RunbookSteps.decide(execution, () -> switchover.assess(queueManager));
        execution.setVariable(RdqmVariables.OLD_PRIMARY_NODE, plan.oldPrimary());
        execution.setVariable(RdqmVariables.NEW_PRIMARY_NODE, plan.newPrimary());
        execution.setVariable(RdqmVariables.SWITCHOVER_SUMMARY, plan.summary());
    }
}

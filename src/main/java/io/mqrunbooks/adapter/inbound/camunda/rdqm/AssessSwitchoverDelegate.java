package io.mqrunbooks.adapter.inbound.camunda.rdqm;

import static io.mqrunbooks.adapter.inbound.camunda.rdqm.RdqmVariables.*;

import io.mqrunbooks.application.rdqm.RdqmSwitchover;
import io.mqrunbooks.platform.runbook.Refusals;
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
        String queueManager = QUEUE_MANAGER.get(execution);
        RdqmSwitchover.SwitchoverPlan plan = Refusals.decide(execution, () -> switchover.assess(queueManager));
        OLD_PRIMARY_NODE.set(execution, plan.oldPrimary());
        NEW_PRIMARY_NODE.set(execution, plan.newPrimary());
        SWITCHOVER_SUMMARY.set(execution, plan.summary());
    }
}

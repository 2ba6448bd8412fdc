package io.mqrunbooks.adapter.inbound.camunda.rdqm;

import io.mqrunbooks.application.rdqm.RdqmFailover;
import io.mqrunbooks.platform.RunVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The primary must be unreachable; reads the secondary and states the data loss promotion brings. */
@Component
public class AssessFailoverDelegate implements JavaDelegate {

    private final RdqmFailover failover;

    public AssessFailoverDelegate(RdqmFailover failover) {
        this.failover = failover;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String queueManager = RunbookSteps.text(execution, RunVariables.QUEUE_MANAGER);
        RdqmFailover.FailoverPlan plan = RunbookSteps.decide(execution, () -> failover.assess(queueManager));
        execution.setVariable(RdqmVariables.LOST_PRIMARY_NODE, plan.lostPrimary());
        execution.setVariable(RdqmVariables.NEW_PRIMARY_NODE, plan.newPrimary());
        execution.setVariable(RdqmVariables.DATA_LOSS_ON_PROMOTION, plan.dataLoss());
        execution.setVariable(RdqmVariables.DATA_LOSS_WARNING, plan.dataLossWarning());
        execution.setVariable(RdqmVariables.FAILOVER_SUMMARY, plan.summary());
    }
}

package io.mqrunbooks.adapter.inbound.camunda.rdqm;

import static io.mqrunbooks.adapter.inbound.camunda.rdqm.RdqmVariables.*;

import io.mqrunbooks.application.rdqm.RdqmFailover;
import io.mqrunbooks.platform.runbook.Refusals;
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
        String queueManager = QUEUE_MANAGER.get(execution);
        RdqmFailover.FailoverPlan plan = Refusals.decide(execution, () -> failover.assess(queueManager));
        LOST_PRIMARY_NODE.set(execution, plan.lostPrimary());
        NEW_PRIMARY_NODE.set(execution, plan.newPrimary());
        DATA_LOSS_ON_PROMOTION.set(execution, plan.dataLoss());
        DATA_LOSS_WARNING.set(execution, plan.dataLossWarning());
        FAILOVER_SUMMARY.set(execution, plan.summary());
    }
}

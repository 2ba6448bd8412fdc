package io.mqrunbooks.adapter.inbound.camunda.rdqm;

import static io.mqrunbooks.adapter.inbound.camunda.rdqm.RdqmVariables.*;

import io.mqrunbooks.application.rdqm.RdqmLifecycle;
import io.mqrunbooks.platform.runbook.Refusals;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The pair must not exist yet; plans crtmqm from the inventory. */
@Component
public class AssessDrCreationDelegate implements JavaDelegate {

    private final RdqmLifecycle lifecycle;

    public AssessDrCreationDelegate(RdqmLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String queueManager = QUEUE_MANAGER.get(execution);
        RdqmLifecycle.CreatePlan plan = Refusals.decide(execution, () -> lifecycle.assessCreate(queueManager));
        PRIMARY_NODE.set(execution, plan.primary());
        SECONDARY_NODE.set(execution, plan.secondary());
        NEW_PRIMARY_NODE.set(execution, plan.primary());
        CREATE_SUMMARY.set(execution, plan.summary());
    }
}

package io.mqrunbooks.adapter.inbound.camunda.rdqm;

import io.mqrunbooks.application.rdqm.RdqmLifecycle;
import io.mqrunbooks.platform.RunVariables;
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
        String queueManager = RunbookSteps.text(execution, RunVariables.QUEUE_MANAGER);
        RdqmLifecycle.CreatePlan plan = RunbookSteps.decide(execution, () -> lifecycle.assessCreate(queueManager));
        execution.setVariable(RdqmVariables.PRIMARY_NODE, plan.primary());
        execution.setVariable(RdqmVariables.SECONDARY_NODE, plan.secondary());
        execution.setVariable(RdqmVariables.NEW_PRIMARY_NODE, plan.primary());
        execution.setVariable(RdqmVariables.CREATE_SUMMARY, plan.summary());
    }
}

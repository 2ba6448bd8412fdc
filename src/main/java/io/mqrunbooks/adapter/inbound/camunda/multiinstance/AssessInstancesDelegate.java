package io.mqrunbooks.adapter.inbound.camunda.multiinstance;

import io.mqrunbooks.adapter.inbound.camunda.rdqm.RunbookSteps;
import io.mqrunbooks.application.multiinstance.MultiInstanceSwitchover;
import io.mqrunbooks.platform.RunVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** dspmq -x on both hosts: an active and a running standby instance, or the run stops with the reason. */
@Component
public class AssessInstancesDelegate implements JavaDelegate {

    private final MultiInstanceSwitchover switchover;

    public AssessInstancesDelegate(MultiInstanceSwitchover switchover) {
        this.switchover = switchover;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String queueManager = RunbookSteps.text(execution, RunVariables.QUEUE_MANAGER);
        Object endMode = execution.getVariable(MultiInstanceVariables.END_MODE);
        MultiInstanceSwitchover.InstancesPlan plan = RunbookSteps.decide(execution,
                () -> switchover.assess(queueManager, endMode == null ? null : endMode.toString()));
        execution.setVariable(MultiInstanceVariables.ACTIVE_HOST, plan.activeHost());
        execution.setVariable(MultiInstanceVariables.STANDBY_HOST, plan.standbyHost());
        execution.setVariable(MultiInstanceVariables.INSTANCES_SUMMARY, plan.summary());
    }
}

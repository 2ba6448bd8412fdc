package io.mqrunbooks.adapter.inbound.camunda.multiinstance;

import static io.mqrunbooks.adapter.inbound.camunda.multiinstance.MultiInstanceVariables.*;

import io.mqrunbooks.application.multiinstance.MultiInstanceSwitchover;
import io.mqrunbooks.platform.runbook.Refusals;
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
        String queueManager = QUEUE_MANAGER.get(execution);
        String endMode = END_MODE.getOrNull(execution);
        MultiInstanceSwitchover.InstancesPlan plan = Refusals.decide(execution,
                () -> switchover.assess(queueManager, endMode));
        ACTIVE_HOST.set(execution, plan.activeHost());
        STANDBY_HOST.set(execution, plan.standbyHost());
        INSTANCES_SUMMARY.set(execution, plan.summary());
    }
}

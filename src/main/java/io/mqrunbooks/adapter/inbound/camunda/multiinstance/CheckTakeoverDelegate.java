package io.mqrunbooks.adapter.inbound.camunda.multiinstance;

import io.mqrunbooks.adapter.inbound.camunda.rdqm.RunbookSteps;
import io.mqrunbooks.application.multiinstance.MultiInstanceSwitchover;
import io.mqrunbooks.platform.RunVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** One poll: does the former standby report running as the active instance? */
@Component
public class CheckTakeoverDelegate implements JavaDelegate {

    private final MultiInstanceSwitchover switchover;

    public CheckTakeoverDelegate(MultiInstanceSwitchover switchover) {
        this.switchover = switchover;
    }

    @Override
    public void execute(DelegateExecution execution) {
        MultiInstanceSwitchover.TakeoverCheck check = switchover.checkTakeover(
                RunbookSteps.text(execution, RunVariables.QUEUE_MANAGER),
                RunbookSteps.text(execution, MultiInstanceVariables.STANDBY_HOST));
        int polls = RunbookSteps.count(execution, MultiInstanceVariables.TAKEOVER_POLLS) + 1;
        Object limit = execution.getVariable(MultiInstanceVariables.TAKEOVER_POLL_LIMIT);
        int pollLimit = limit == null ? MultiInstanceVariables.DEFAULT_TAKEOVER_POLL_LIMIT : ((Number) limit).intValue();
        execution.setVariable(MultiInstanceVariables.TAKEOVER_POLL_LIMIT, pollLimit);
        execution.setVariable(MultiInstanceVariables.TAKEOVER_POLLS, polls);
        execution.setVariable(MultiInstanceVariables.TAKEOVER_COMPLETE, check.active());
        execution.setVariable(MultiInstanceVariables.TAKEOVER_LIMIT_REACHED, !check.active() && polls >= pollLimit);
        execution.setVariable(MultiInstanceVariables.TAKEOVER_STATUS, "Poll " + polls + " of " + pollLimit + ": "
                + check.summary());
        if (check.active()) {
            RunbookSteps.log(execution, "Switched over: " + check.summary());
        }
    }
}

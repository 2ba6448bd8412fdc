package io.mqrunbooks.adapter.inbound.camunda.multiinstance;

import static io.mqrunbooks.adapter.inbound.camunda.multiinstance.MultiInstanceVariables.*;

import io.mqrunbooks.adapter.inbound.camunda.RunbookWaits;
import io.mqrunbooks.application.multiinstance.MultiInstanceSwitchover;
import io.mqrunbooks.platform.runbook.RunText;
import io.mqrunbooks.platform.runbook.RunbookVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** One poll: does the former standby report running as the active instance? */
@Component
public class CheckTakeoverDelegate implements JavaDelegate {

    private final MultiInstanceSwitchover switchover;
    private final RunbookWaits waits;

    public CheckTakeoverDelegate(MultiInstanceSwitchover switchover, RunbookWaits waits) {
        this.switchover = switchover;
        this.waits = waits;
    }

    @Override
    public void execute(DelegateExecution execution) {
        MultiInstanceSwitchover.TakeoverCheck check = switchover.checkTakeover(QUEUE_MANAGER.get(execution),
                STANDBY_HOST.get(execution));
        TAKEOVER_STATUS.set(execution, TAKEOVER_WAIT.count(execution, check.active(), waits, TAKEOVER_TIME_LIMIT)
                + ": " + check.summary());
        if (check.active()) {
            RunText.appendLine(execution, RunbookVariables.RUN_LOG, "Switched over: " + check.summary());
        }
    }
}

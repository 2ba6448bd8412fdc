package io.mqrunbooks.adapter.inbound.camunda.rdqm;

import static io.mqrunbooks.adapter.inbound.camunda.rdqm.RdqmVariables.*;

import io.mqrunbooks.application.rdqm.RdqmSteps;
import io.mqrunbooks.platform.runbook.RunText;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** endmqm -w on the target node, if the queue manager runs there. */
@Component
public class EndQueueManagerDelegate implements JavaDelegate {

    private final RdqmSteps steps;

    public EndQueueManagerDelegate(RdqmSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        RunText.appendLine(execution, RUN_LOG, steps.end(TARGET_NODE.get(execution),
                QUEUE_MANAGER.get(execution)));
    }
}

package io.mqrunbooks.adapter.inbound.camunda.rdqm;

import static io.mqrunbooks.adapter.inbound.camunda.rdqm.RdqmVariables.*;

import io.mqrunbooks.application.rdqm.RdqmSteps;
import io.mqrunbooks.platform.runbook.RunText;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** endmqm -i (if running) and dltmqm on the target node, unless the queue manager does not exist there. */
@Component
public class DeleteQueueManagerDelegate implements JavaDelegate {

    private final RdqmSteps steps;

    public DeleteQueueManagerDelegate(RdqmSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        RunText.appendLine(execution, RUN_LOG, steps.delete(TARGET_NODE.get(execution),
                QUEUE_MANAGER.get(execution)));
    }
}

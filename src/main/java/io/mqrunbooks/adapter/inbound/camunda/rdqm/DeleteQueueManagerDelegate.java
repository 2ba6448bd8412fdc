package io.mqrunbooks.adapter.inbound.camunda.rdqm;

import io.mqrunbooks.application.rdqm.RdqmSteps;
import io.mqrunbooks.platform.RunVariables;
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
        RunbookSteps.log(execution, steps.delete(RunbookSteps.text(execution, RdqmVariables.TARGET_NODE),
                RunbookSteps.text(execution, RunVariables.QUEUE_MANAGER)));
    }
}

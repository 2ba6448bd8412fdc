package io.mqrunbooks.adapter.inbound.camunda.rdqm;

import io.mqrunbooks.application.rdqm.RdqmSteps;
import io.mqrunbooks.platform.RunVariables;
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
        RunbookSteps.log(execution, steps.end(RunbookSteps.text(execution, RdqmVariables.TARGET_NODE),
                RunbookSteps.text(execution, RunVariables.QUEUE_MANAGER)));
    }
}

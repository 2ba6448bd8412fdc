package io.mqrunbooks.adapter.inbound.camunda.rdqm;

import io.mqrunbooks.application.rdqm.RdqmSteps;
import io.mqrunbooks.platform.RunVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** rdqmdr -m QM -s on the target node, unless it is the DR secondary already. */
@Component
public class MakeDrSecondaryDelegate implements JavaDelegate {

    private final RdqmSteps steps;

    public MakeDrSecondaryDelegate(RdqmSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        RunbookSteps.log(execution, steps.makeSecondary(RunbookSteps.text(execution, RdqmVariables.TARGET_NODE),
                RunbookSteps.text(execution, RunVariables.QUEUE_MANAGER)));
    }
}

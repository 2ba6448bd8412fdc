package io.mqrunbooks.adapter.inbound.camunda.rdqm;

import io.mqrunbooks.application.rdqm.RdqmSteps;
import io.mqrunbooks.platform.RunVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** rdqmdr -m QM -p on the target node, unless it is the DR primary already; notes a snapshot revert. */
@Component
public class MakeDrPrimaryDelegate implements JavaDelegate {

    private final RdqmSteps steps;

    public MakeDrPrimaryDelegate(RdqmSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        RdqmSteps.Promotion promotion = steps.makePrimary(RunbookSteps.text(execution, RdqmVariables.TARGET_NODE),
                RunbookSteps.text(execution, RunVariables.QUEUE_MANAGER));
        RunbookSteps.log(execution, promotion.log());
        execution.setVariable(RdqmVariables.REVERTING_TO_SNAPSHOT, promotion.revertingToSnapshot());
        if (promotion.revertingToSnapshot()) {
            execution.setVariable(RdqmVariables.REVERTED_TO_SNAPSHOT, true);
        }
    }
}

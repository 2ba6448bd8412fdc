package io.mqrunbooks.adapter.inbound.camunda.rdqm;

import static io.mqrunbooks.adapter.inbound.camunda.rdqm.RdqmVariables.*;

import io.mqrunbooks.application.rdqm.RdqmSteps;
import io.mqrunbooks.platform.runbook.RunText;
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
        RdqmSteps.Promotion promotion = steps.makePrimary(TARGET_NODE.get(execution),
                QUEUE_MANAGER.get(execution));
        RunText.appendLine(execution, RUN_LOG, promotion.log());
        REVERTING_TO_SNAPSHOT.set(execution, promotion.revertingToSnapshot());
        if (promotion.revertingToSnapshot()) {
            REVERTED_TO_SNAPSHOT.set(execution, true);
        }
    }
}

package io.mqrunbooks.adapter.inbound.camunda.rdqm;

import static io.mqrunbooks.adapter.inbound.camunda.rdqm.RdqmVariables.*;

import io.mqrunbooks.application.rdqm.RdqmSteps;
import io.mqrunbooks.platform.runbook.RunText;
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
        RunText.appendLine(execution, RUN_LOG, steps.makeSecondary(TARGET_NODE.get(execution),
                QUEUE_MANAGER.get(execution)));
    }
}

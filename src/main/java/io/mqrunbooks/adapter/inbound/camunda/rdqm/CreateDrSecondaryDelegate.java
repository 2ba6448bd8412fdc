package io.mqrunbooks.adapter.inbound.camunda.rdqm;

import static io.mqrunbooks.adapter.inbound.camunda.rdqm.RdqmVariables.*;

import io.mqrunbooks.application.port.out.control.DrSecondaryCommand;
import io.mqrunbooks.platform.runbook.RunText;
import io.mqrunbooks.application.rdqm.DrPair;
import io.mqrunbooks.application.rdqm.RdqmPairs;
import io.mqrunbooks.application.rdqm.RdqmSteps;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** crtmqm -rr s ... on the target node, rebuilt from the validated parts; skipped if it exists there. */
@Component
public class CreateDrSecondaryDelegate implements JavaDelegate {

    private final RdqmPairs pairs;
    private final RdqmSteps steps;
    private final DrSecondaryCommandJson json;

    public CreateDrSecondaryDelegate(RdqmPairs pairs, RdqmSteps steps, DrSecondaryCommandJson json) {
        this.pairs = pairs;
        this.steps = steps;
        this.json = json;
    }

    @Override
    public void execute(DelegateExecution execution) {
        DrPair pair = pairs.pair(QUEUE_MANAGER.get(execution));
        DrSecondaryCommand command = json.read(DR_SECONDARY_COMMAND.get(execution));
        RunText.appendLine(execution, RUN_LOG, steps.createSecondary(pair, TARGET_NODE.get(execution),
                command));
    }
}

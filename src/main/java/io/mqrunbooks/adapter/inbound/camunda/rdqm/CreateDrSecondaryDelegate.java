package io.mqrunbooks.adapter.inbound.camunda.rdqm;

import io.mqrunbooks.application.port.out.control.DrSecondaryCommand;
import io.mqrunbooks.application.rdqm.DrPair;
import io.mqrunbooks.application.rdqm.RdqmPairs;
import io.mqrunbooks.application.rdqm.RdqmSteps;
import io.mqrunbooks.platform.RunVariables;
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
        DrPair pair = pairs.pair(RunbookSteps.text(execution, RunVariables.QUEUE_MANAGER));
        DrSecondaryCommand command = json.read(RunbookSteps.text(execution, RdqmVariables.DR_SECONDARY_COMMAND));
        RunbookSteps.log(execution, steps.createSecondary(pair, RunbookSteps.text(execution, RdqmVariables.TARGET_NODE),
                command));
    }
}

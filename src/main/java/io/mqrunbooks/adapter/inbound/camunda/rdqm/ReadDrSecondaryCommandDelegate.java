package io.mqrunbooks.adapter.inbound.camunda.rdqm;

import io.mqrunbooks.application.port.out.control.DrSecondaryCommand;
import io.mqrunbooks.application.rdqm.DrPair;
import io.mqrunbooks.application.rdqm.RdqmPairs;
import io.mqrunbooks.application.rdqm.RdqmSteps;
import io.mqrunbooks.platform.RunVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** rdqmdr -m QM -d on the DR primary (target node): the secondary command, checked against the inventory. */
@Component
public class ReadDrSecondaryCommandDelegate implements JavaDelegate {

    private final RdqmPairs pairs;
    private final RdqmSteps steps;
    private final DrSecondaryCommandJson json;

    public ReadDrSecondaryCommandDelegate(RdqmPairs pairs, RdqmSteps steps, DrSecondaryCommandJson json) {
        this.pairs = pairs;
        this.steps = steps;
        this.json = json;
    }

    @Override
    public void execute(DelegateExecution execution) {
        DrPair pair = pairs.pair(RunbookSteps.text(execution, RunVariables.QUEUE_MANAGER));
        String primary = RunbookSteps.text(execution, RdqmVariables.TARGET_NODE);
        DrSecondaryCommand command = steps.secondaryCommand(pair, primary, pair.other(primary));
        execution.setVariable(RdqmVariables.DR_SECONDARY_COMMAND, json.write(command));
        execution.setVariable(RdqmVariables.DR_SECONDARY_COMMAND_LINE, command.commandLine());
        RunbookSteps.log(execution, primary + ": rdqmdr -m " + pair.queueManager() + " -d: " + command.commandLine());
    }
}

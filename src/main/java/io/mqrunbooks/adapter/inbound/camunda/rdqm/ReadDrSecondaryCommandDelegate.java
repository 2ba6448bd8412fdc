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
        DrPair pair = pairs.pair(QUEUE_MANAGER.get(execution));
        String primary = TARGET_NODE.get(execution);
        DrSecondaryCommand command = steps.secondaryCommand(pair, primary, pair.other(primary));
        DR_SECONDARY_COMMAND.set(execution, json.write(command));
        DR_SECONDARY_COMMAND_LINE.set(execution, command.commandLine());
        RunText.appendLine(execution, RUN_LOG, primary + ": rdqmdr -m " + pair.queueManager() + " -d: " + command.commandLine());
    }
}

package io.mqrunbooks.adapter.inbound.camunda.rdqm;

import io.mqrunbooks.application.rdqm.RdqmLifecycle;
import io.mqrunbooks.platform.RunVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** crtmqm -rr p on the inventory primary; keeps the secondary command it printed. */
@Component
public class CreateDrPrimaryDelegate implements JavaDelegate {

    private final RdqmLifecycle lifecycle;
    private final DrSecondaryCommandJson json;

    public CreateDrPrimaryDelegate(RdqmLifecycle lifecycle, DrSecondaryCommandJson json) {
        this.lifecycle = lifecycle;
        this.json = json;
    }

    @Override
    public void execute(DelegateExecution execution) {
        RdqmLifecycle.Created created = lifecycle.createPrimary(RunbookSteps.text(execution, RunVariables.QUEUE_MANAGER));
        execution.setVariable(RdqmVariables.DR_SECONDARY_COMMAND, json.write(created.secondaryCommand()));
        execution.setVariable(RdqmVariables.DR_SECONDARY_COMMAND_LINE, created.secondaryCommand().commandLine());
        RunbookSteps.log(execution, created.log());
    }
}

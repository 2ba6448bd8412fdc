package io.mqrunbooks.adapter.inbound.camunda.rdqm;

import static io.mqrunbooks.adapter.inbound.camunda.rdqm.RdqmVariables.*;

import io.mqrunbooks.application.rdqm.RdqmLifecycle;
import io.mqrunbooks.platform.runbook.RunText;
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
        RdqmLifecycle.Created created = lifecycle.createPrimary(QUEUE_MANAGER.get(execution));
        DR_SECONDARY_COMMAND.set(execution, json.write(created.secondaryCommand()));
        DR_SECONDARY_COMMAND_LINE.set(execution, created.secondaryCommand().commandLine());
        RunText.appendLine(execution, RUN_LOG, created.log());
    }
}

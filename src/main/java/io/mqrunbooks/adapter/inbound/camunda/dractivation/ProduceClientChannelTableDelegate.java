package io.mqrunbooks.adapter.inbound.camunda.dractivation;

import static io.mqrunbooks.adapter.inbound.camunda.dractivation.DrActivationVariables.*;

import io.mqrunbooks.application.dractivation.ClientChannelTable;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** The JSON CCDT entry that points clients at the backup's host, port and queue manager name. */
@Component
@Lazy
public class ProduceClientChannelTableDelegate implements JavaDelegate {

    private final DrActivationRuntime runtime;

    public ProduceClientChannelTableDelegate(DrActivationRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public void execute(DelegateExecution execution) {
        runtime.mark(execution, "drained");
        execution.setVariable(CCDT, ClientChannelTable.forBackup(DrActivationVariables.target(execution),
                (String) execution.getVariable(CLIENT_CHANNEL)));
    }
}

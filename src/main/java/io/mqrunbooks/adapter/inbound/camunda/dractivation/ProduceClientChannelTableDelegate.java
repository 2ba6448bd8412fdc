package io.mqrunbooks.adapter.inbound.camunda.dractivation;

import static io.mqrunbooks.adapter.inbound.camunda.dractivation.DrActivationVariables.*;

import io.mqrunbooks.application.dractivation.ClientChannelTable;
import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** The JSON CCDT entry that points clients at the backup's host, port and queue manager name. */
@Component
@Lazy
public class ProduceClientChannelTableDelegate implements JavaDelegate {

    private final Clock clock;

    public ProduceClientChannelTableDelegate(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        DrActivationVariables.mark(execution, clock, "drained");
        CCDT.set(execution, ClientChannelTable.forBackup(DrActivationVariables.target(execution),
                CLIENT_CHANNEL.getOrNull(execution)));
    }
}

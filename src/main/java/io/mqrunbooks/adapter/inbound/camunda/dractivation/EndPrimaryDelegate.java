package io.mqrunbooks.adapter.inbound.camunda.dractivation;

import static io.mqrunbooks.adapter.inbound.camunda.dractivation.DrActivationVariables.*;

import io.mqrunbooks.application.dractivation.DrActivationSettings;
import io.mqrunbooks.application.dractivation.PrimaryFencing;
import io.mqrunbooks.platform.runbook.Deadlines;
import io.mqrunbooks.platform.runbook.RunText;
import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** endmqm -i on the primary when it may hold its data (a no-op, said so, when it does not). */
@Component
@Lazy
public class EndPrimaryDelegate implements JavaDelegate {

    private final PrimaryFencing fencing;
    private final DrActivationSettings settings;
    private final Clock clock;

    public EndPrimaryDelegate(PrimaryFencing fencing, DrActivationSettings settings, Clock clock) {
        this.fencing = fencing;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        fencing.end(DrActivationVariables.target(execution))
                .forEach(line -> RunText.appendLine(execution, FENCING_SUMMARY, line));
        PRIMARY_ENDED.set(execution, false);
        Deadlines.start(execution, PRIMARY_END_DEADLINE, clock, settings.primaryEndLimit());
    }
}

package io.mqrunbooks.adapter.inbound.camunda.dractivation;

import static io.mqrunbooks.adapter.inbound.camunda.dractivation.DrActivationVariables.*;

import io.mqrunbooks.application.dractivation.ActivationTarget;
import io.mqrunbooks.application.dractivation.PrimaryFencing;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** endmqm -i on the primary when it may hold its data (a no-op, said so, when it does not). */
@Component
@Lazy
public class EndPrimaryDelegate implements JavaDelegate {

    private final PrimaryFencing fencing;
    private final DrActivationRuntime runtime;

    public EndPrimaryDelegate(PrimaryFencing fencing, DrActivationRuntime runtime) {
        this.fencing = fencing;
        this.runtime = runtime;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ActivationTarget target = DrActivationVariables.target(execution);
        fencing.end(target).forEach(line -> DrActivationRuntime.appendLine(execution, FENCING_SUMMARY, line));
        execution.setVariable(PRIMARY_ENDED, false);
        runtime.startWait(execution, PRIMARY_END_DEADLINE, runtime.settings().primaryEndLimit());
    }
}

package io.mqrunbooks.adapter.inbound.camunda.dractivation;

import static io.mqrunbooks.adapter.inbound.camunda.dractivation.DrActivationVariables.*;

import io.mqrunbooks.application.dractivation.ActivationTarget;
import io.mqrunbooks.application.dractivation.PrimaryFencing;
import io.mqrunbooks.application.dractivation.PrimaryState;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** The primary once more, immediately before the backup starts: state may have changed while people decided. */
@Component
@Lazy
public class RecheckPrimaryDelegate implements JavaDelegate {

    private final PrimaryFencing fencing;
    private final DrActivationRuntime runtime;

    public RecheckPrimaryDelegate(PrimaryFencing fencing, DrActivationRuntime runtime) {
        this.fencing = fencing;
        this.runtime = runtime;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ActivationTarget target = DrActivationVariables.target(execution);
        PrimaryState primary = fencing.read(target);
        execution.setVariable(BACKUP_PREPARED, true);
        execution.setVariable(PRIMARY_REACHABLE, primary.reachable());
        execution.setVariable(PRIMARY_RUNNING, primary.running());
        execution.setVariable(PRIMARY_MUST_BE_FENCED, primary.mustBeFenced());
        execution.setVariable(PRIMARY_STATE, DrActivationRuntime.fit(primary.detail()));
        DrActivationRuntime.appendLine(execution, FENCING_SUMMARY, "Re-check before starting the backup: "
                + primary.detail() + (primary.mustBeFenced() ? " -> fencing again" : " -> safe to start the backup"));
        if (!primary.mustBeFenced()) {
            runtime.mark(execution, "fenced");
        }
    }
}

package io.mqrunbooks.adapter.inbound.camunda.dractivation;

import static io.mqrunbooks.adapter.inbound.camunda.dractivation.DrActivationVariables.*;

import io.mqrunbooks.application.dractivation.ActivationTarget;
import io.mqrunbooks.application.dractivation.PrimaryFencing;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** dspmq until the primary shows Ended (RDQM: then rdqmdr -s); past the limit an incident says what dspmq shows. */
@Component
@Lazy
public class CheckPrimaryEndedDelegate implements JavaDelegate {

    private final PrimaryFencing fencing;
    private final DrActivationRuntime runtime;

    public CheckPrimaryEndedDelegate(PrimaryFencing fencing, DrActivationRuntime runtime) {
        this.fencing = fencing;
        this.runtime = runtime;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ActivationTarget target = DrActivationVariables.target(execution);
        PrimaryFencing.FenceCheck check = fencing.checkEnded(target);
        if (!check.fenced() && runtime.waitedTooLong(execution, PRIMARY_END_DEADLINE)) {
            throw new IllegalStateException(target.primaryLabel() + " has not ended within "
                    + runtime.settings().primaryEndLimit() + " of endmqm -i: " + check.detail()
                    + ". The backup is not started while the primary may run.");
        }
        if (check.fenced()) {
            DrActivationRuntime.appendLine(execution, FENCING_SUMMARY, "Proven ended: " + check.detail());
        }
        execution.setVariable(PRIMARY_ENDED, check.fenced());
    }
}

package io.mqrunbooks.adapter.inbound.camunda.dractivation;

import static io.mqrunbooks.adapter.inbound.camunda.dractivation.DrActivationVariables.*;

import io.mqrunbooks.application.dractivation.ActivationTarget;
import io.mqrunbooks.application.dractivation.DrActivationSettings;
import io.mqrunbooks.application.dractivation.PrimaryFencing;
import io.mqrunbooks.platform.runbook.Deadlines;
import io.mqrunbooks.platform.runbook.RunText;
import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** dspmq until the primary shows Ended (RDQM: then rdqmdr -s); past the limit an incident says what dspmq shows. */
@Component
@Lazy
public class CheckPrimaryEndedDelegate implements JavaDelegate {

    private final PrimaryFencing fencing;
    private final DrActivationSettings settings;
    private final Clock clock;

    public CheckPrimaryEndedDelegate(PrimaryFencing fencing, DrActivationSettings settings, Clock clock) {
        this.fencing = fencing;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ActivationTarget target = DrActivationVariables.target(execution);
        PrimaryFencing.FenceCheck check = fencing.checkEnded(target);
        if (Deadlines.reachedInTime(execution, PRIMARY_END_DEADLINE, clock, check.fenced(), () -> target.primaryLabel()
                + " has not ended within " + settings.primaryEndLimit() + " of endmqm -i: " + check.detail()
                + ". The backup is not started while the primary may run.")) {
            RunText.appendLine(execution, FENCING_SUMMARY, "Proven ended: " + check.detail());
        }
        PRIMARY_ENDED.set(execution, check.fenced());
    }
}

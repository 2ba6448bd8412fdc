package io.mqrunbooks.adapter.inbound.camunda.dractivation;

import static io.mqrunbooks.adapter.inbound.camunda.dractivation.DrActivationVariables.*;

import io.mqrunbooks.application.dractivation.ActivationTarget;
import io.mqrunbooks.application.dractivation.PrimaryFencing;
import io.mqrunbooks.application.dractivation.PrimaryState;
import io.mqrunbooks.platform.runbook.RunText;
import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** The primary once more, immediately before the backup starts: state may have changed while people decided. */
@Component
@Lazy
public class RecheckPrimaryDelegate implements JavaDelegate {

    private final PrimaryFencing fencing;
    private final Clock clock;

    public RecheckPrimaryDelegate(PrimaryFencing fencing, Clock clock) {
        this.fencing = fencing;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ActivationTarget target = DrActivationVariables.target(execution);
        PrimaryState primary = fencing.read(target);
        BACKUP_PREPARED.set(execution, true);
        DrActivationVariables.putPrimary(execution, primary);
        RunText.appendLine(execution, FENCING_SUMMARY, "Re-check before starting the backup: "
                + primary.detail() + (primary.mustBeFenced() ? " -> fencing again" : " -> safe to start the backup"));
        if (!primary.mustBeFenced()) {
            DrActivationVariables.mark(execution, clock, "fenced");
        }
    }
}

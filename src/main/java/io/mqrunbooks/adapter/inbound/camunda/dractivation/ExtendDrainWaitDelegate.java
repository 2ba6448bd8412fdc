package io.mqrunbooks.adapter.inbound.camunda.dractivation;

import static io.mqrunbooks.adapter.inbound.camunda.dractivation.DrActivationVariables.*;

import io.mqrunbooks.application.dractivation.DrActivationSettings;
import io.mqrunbooks.platform.runbook.Deadlines;
import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** The operator chose to keep waiting for the backlog: a new time limit starts. */
@Component
@Lazy
public class ExtendDrainWaitDelegate implements JavaDelegate {

    private final DrActivationSettings settings;
    private final Clock clock;

    public ExtendDrainWaitDelegate(DrActivationSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Deadlines.start(execution, DRAIN_DEADLINE, clock, settings.drainLimit());
        DRAIN_TIME_UP.set(execution, false);
    }
}

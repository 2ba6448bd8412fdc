package io.mqrunbooks.adapter.inbound.camunda.dractivation;

import static io.mqrunbooks.adapter.inbound.camunda.dractivation.DrActivationVariables.*;


import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** The operator chose to keep waiting for the backlog: a new time limit starts. */
@Component
@Lazy
public class ExtendDrainWaitDelegate implements JavaDelegate {

    private final DrActivationRuntime runtime;

    public ExtendDrainWaitDelegate(DrActivationRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public void execute(DelegateExecution execution) {
        runtime.startWait(execution, DRAIN_DEADLINE, runtime.settings().drainLimit());
        execution.setVariable(DRAIN_TIME_UP, false);
    }
}

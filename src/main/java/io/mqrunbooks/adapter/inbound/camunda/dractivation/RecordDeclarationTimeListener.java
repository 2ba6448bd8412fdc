package io.mqrunbooks.adapter.inbound.camunda.dractivation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** The declaration's time: the run's start, where the RTO is measured from. */
@Component
@Lazy
public class RecordDeclarationTimeListener implements ExecutionListener {

    private final DrActivationRuntime runtime;

    public RecordDeclarationTimeListener(DrActivationRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public void notify(DelegateExecution execution) {
        runtime.mark(execution, "declared");
    }
}

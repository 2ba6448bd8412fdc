package io.mqrunbooks.adapter.inbound.camunda.dractivation;

import static io.mqrunbooks.adapter.inbound.camunda.dractivation.DrActivationVariables.*;

import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** The declaration's time: the run's start, where the RTO is measured from. */
@Component
@Lazy
public class RecordDeclarationTimeListener implements ExecutionListener {

    private final Clock clock;

    public RecordDeclarationTimeListener(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void notify(DelegateExecution execution) {
        DrActivationVariables.mark(execution, clock, "declared");
    }
}

package io.mqrunbooks.adapter.inbound.camunda.dractivation;

import static io.mqrunbooks.adapter.inbound.camunda.dractivation.DrActivationVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** An operator aborted the activation: the outcome carries the reason given. */
@Component
@Lazy
public class RecordActivationAbortDelegate implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        OUTCOME.set(execution, "aborted: " + DECISION_REASON.getOrNull(execution));
    }
}

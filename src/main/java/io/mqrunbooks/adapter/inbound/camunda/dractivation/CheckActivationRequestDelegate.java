package io.mqrunbooks.adapter.inbound.camunda.dractivation;

import static io.mqrunbooks.adapter.inbound.camunda.dractivation.DrActivationVariables.*;

import io.mqrunbooks.application.dractivation.ActivationRequestException;
import io.mqrunbooks.application.dractivation.ActivationRequests;
import io.mqrunbooks.application.dractivation.ActivationTarget;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** Checks the declaration against the inventory; an unknown queue manager ends the run with the reason. */
@Component
@Lazy
public class CheckActivationRequestDelegate implements JavaDelegate {

    private final ActivationRequests requests;
    private final DrActivationRuntime runtime;

    public CheckActivationRequestDelegate(ActivationRequests requests, DrActivationRuntime runtime) {
        this.requests = requests;
        this.runtime = runtime;
    }

    @Override
    public void execute(DelegateExecution execution) {
        try {
            ActivationTarget target = requests.check((String) execution.getVariable(QUEUE_MANAGER),
                    (String) execution.getVariable(REASON), (String) execution.getVariable(INCIDENT),
                    (String) execution.getVariable(DECLARED_BY), (String) execution.getVariable(CLIENT_CHANNEL));
            DrActivationVariables.putTarget(execution, target);
            execution.setVariable(POLL_INTERVAL, runtime.settings().pollInterval().toString());
            execution.setVariable(REQUEST_VALID, true);
        } catch (ActivationRequestException e) {
            execution.setVariable(REQUEST_VALID, false);
            execution.setVariable(OUTCOME, "aborted: " + e.getMessage());
        }
    }
}
